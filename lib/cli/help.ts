export const USAGE = `Usage: bumpers check [options] <files or folders...>
       helm template my-chart | bumpers check [options] -

Checks Kubernetes manifests (YAML or JSON: multi-document files, arrays, kind: List) against
Bumpers' policies. Folders are searched for *.yaml, *.yml and *.json files. With no files and
piped input, reads standard input.

Options:
  --target-version <v>     Kubernetes version to check API deprecations against (e.g. 1.29);
                           without it the deprecated-API checks do not run
  -f, --format <format>    table (default), json or sarif
  -o, --output <file>      write the report in that format to <file>; the table goes to stdout
  --block <ids>            checks that fail the run (exit 1) when no server is used, comma-
                           separated, or "all"; by default nothing blocks
  --server <url>           Bumpers server to take the organization's settings from and to report
                           the results to; the token comes from the BUMPERS_TOKEN variable
  --repository <owner/name>, --branch <name>, --commit <sha>
                           what the results are about (server mode); by default from GitHub
                           Actions' or GitLab CI's variables, else from git
  --stdin-name <path>      file name to show (and use in SARIF) for standard input
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 nothing blocking failed, 1 a blocking check failed, 2 usage or input error
(bad option, missing file, invalid YAML), 3 the server could not be reached or refused.
Docs: docs/ci.md
`;
