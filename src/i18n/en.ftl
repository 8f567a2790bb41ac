### jdc-refund messages (en). Keys: <area>-<what>; both catalogues hold the same keys
### and the same $arguments (tests/i18n.rs). Values are trimmed: use {"  "} for leading spaces.

## printer
printer-error = error:
printer-warning = warning:
