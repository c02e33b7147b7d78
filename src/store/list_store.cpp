// PENDING: the store is being written.
