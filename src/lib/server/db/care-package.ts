import type { DB } from './connect';
import type { NewCarePackage } from './schema';

export function insert(db: DB, carePackage: NewCarePackage) {
	return db.insertInto('care_package').values(carePackage).returningAll().executeTakeFirstOrThrow();
}

export function listForChild(db: DB, childId: string) {
	return db
		.selectFrom('care_package')
		.innerJoin('service', 'service.id', 'care_package.service_id')
		.selectAll('care_package')
		.select('service.name as service_name')
		.where('care_package.child_id', '=', childId)
		.orderBy('care_package.starts_on', 'desc')
		.execute();
}
