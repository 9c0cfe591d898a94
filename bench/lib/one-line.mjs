// What any first `import()` costs, for the cold-start benchmark: one module, one constant.
export const oneLine = 1;
