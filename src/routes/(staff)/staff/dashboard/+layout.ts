// Dashboard pages run their script in the browser (only) to draw charts; every figure is also in
// the server-rendered table, so they work the same without JavaScript.
export const csr = true;
