// Test helpers: the error a call throws (or a promise rejects with), checked against the expected class.
// Fails loudly when nothing is thrown or the class is wrong, so assertions on the result always run.

export function thrownBy(run, ErrorClass) {
  try {
    run();
  } catch (error) {
    return checked(error, ErrorClass);
  }
  throw new Error(`expected ${ErrorClass.name} to be thrown, but nothing was`);
}

export async function rejectionOf(promise, ErrorClass) {
  try {
    await promise;
  } catch (error) {
    return checked(error, ErrorClass);
  }
  throw new Error(`expected a rejection with ${ErrorClass.name}, but the promise resolved`);
}

function checked(error, ErrorClass) {
  if (error instanceof ErrorClass) return error;
  throw new Error(`expected ${ErrorClass.name}, got ${error?.name ?? typeof error}: ${error?.message ?? String(error)}`, { cause: error });
}
