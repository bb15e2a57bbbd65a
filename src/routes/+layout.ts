// Pages are rendered on the server and work without JavaScript; none is sent until a page needs
// it (child pages must stay tiny).
export const csr = false;
