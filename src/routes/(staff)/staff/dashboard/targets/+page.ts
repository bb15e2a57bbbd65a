// Targets are a plain form: no script, so nothing can reset a field being typed into.
export const csr = false;
