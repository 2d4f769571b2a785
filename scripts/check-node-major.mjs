// The Forge runtime is nodejs22.x: refuse to run the tests on any other Node major.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 22) {
  console.error(`Tests must run on Node 22 (the Forge runtime's major); this is Node ${process.versions.node}.`);
  console.error('Run them through npm (npm test), which puts the pinned node@22 from node_modules/.bin first on PATH.');
  process.exit(1);
}
console.log(`Node ${process.versions.node} (Forge runtime nodejs22.x)`);
