type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;
export function thrownBy<E extends Error>(run: () => unknown, ErrorClass: ErrorClass<E>): E;
export function rejectionOf<E extends Error>(promise: Promise<unknown>, ErrorClass: ErrorClass<E>): Promise<E>;
