
use builtin;
use str;

set edit:completion:arg-completer[jdc-refund] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'jdc-refund'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'jdc-refund'= {
            cand --profile 'Profile whose region, endpoint and credentials to use'
            cand --endpoint 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)'
            cand --region 'Region of the console'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --connect-timeout 'Give up connecting after this long'
            cand --config-dir 'Configuration directory (profiles, credentials)'
            cand --state-dir 'Local state directory (the submission journal)'
            cand --sandbox-state 'The embedded sandbox''s state file'
            cand --sandbox-speed 'How much faster the embedded sandbox moves refunds on'
            cand --request-timeout 'Give up on one request (one attempt) after this long'
            cand --sandbox 'Use the built-in sandbox console (offline, persistent state, demo account)'
            cand --json 'Shorthand for `--output json`'
            cand --no-input 'Never prompt; fail at once when a value is missing'
            cand -v 'Print one line per request to stderr (method, path, status, time, request id)'
            cand --verbose 'Print one line per request to stderr (method, path, status, time, request id)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Sign in: account and password, or an AccessKey pair (step 1 of the guide)'
            cand logout 'Forget the profile''s stored credentials'
            cand orders 'List your orders, or show one with its refund quote (steps 2 and 3)'
            cand refund 'Apply for a refund, or cancel, remind or resubmit one (steps 3 to 8)'
            cand status 'List refund applications, show one, or watch it until it ends (steps 9 to 11)'
            cand support 'The console''s support channels (step 5)'
            cand sandbox 'Run or manage the sandbox console'
            cand completions 'Print the shell completion script (bash, zsh, fish, powershell, elvish)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jdc-refund;login'= {
            cand --account 'Account (pin) to sign in with; the password is read from stdin'
            cand --mfa-code 'The 6-digit MFA code, for accounts with MFA enabled'
            cand --session 'How long the session lasts (15m to 12h)'
            cand --access-key-id 'Save an AccessKey pair instead; the secret key is read from stdin'
            cand --profile 'Profile whose region, endpoint and credentials to use'
            cand --endpoint 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)'
            cand --region 'Region of the console'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --connect-timeout 'Give up connecting after this long'
            cand --config-dir 'Configuration directory (profiles, credentials)'
            cand --state-dir 'Local state directory (the submission journal)'
            cand --sandbox-state 'The embedded sandbox''s state file'
            cand --sandbox-speed 'How much faster the embedded sandbox moves refunds on'
            cand --request-timeout 'Give up on one request (one attempt) after this long'
            cand --password-stdin 'Read the password from stdin (one line)'
            cand --secret-key-stdin 'Read the secret key from stdin (one line)'
            cand --status 'Show who is signed in, with which profile and until when'
            cand --sandbox 'Use the built-in sandbox console (offline, persistent state, demo account)'
            cand --json 'Shorthand for `--output json`'
            cand --no-input 'Never prompt; fail at once when a value is missing'
            cand -v 'Print one line per request to stderr (method, path, status, time, request id)'
            cand --verbose 'Print one line per request to stderr (method, path, status, time, request id)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jdc-refund;logout'= {
            cand --profile 'Profile whose region, endpoint and credentials to use'
            cand --endpoint 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)'
            cand --region 'Region of the console'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --connect-timeout 'Give up connecting after this long'
            cand --config-dir 'Configuration directory (profiles, credentials)'
            cand --state-dir 'Local state directory (the submission journal)'
            cand --sandbox-state 'The embedded sandbox''s state file'
            cand --sandbox-speed 'How much faster the embedded sandbox moves refunds on'
            cand --request-timeout 'Give up on one request (one attempt) after this long'
            cand --sandbox 'Use the built-in sandbox console (offline, persistent state, demo account)'
            cand --json 'Shorthand for `--output json`'
            cand --no-input 'Never prompt; fail at once when a value is missing'
            cand -v 'Print one line per request to stderr (method, path, status, time, request id)'
            cand --verbose 'Print one line per request to stderr (method, path, status, time, request id)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jdc-refund;orders'= {
            cand --status 'Only orders with this status'
            cand --pay-type 'Only prepaid or post-paid orders'
            cand --charge-mode 'Only orders with this charge mode'
            cand --resource-id 'Only orders of this resource (e.g. i-demo0nrsn01)'
            cand --since 'Orders created on or after: a date (2026-01-31), a time (RFC 3339) or an age (90d) [default: 12 months ago]'
            cand --until 'Orders created on or before (same forms as --since) [default: now]'
            cand --page 'Page number, from 1'
            cand --page-size 'Orders per page (1 to 100)'
            cand --profile 'Profile whose region, endpoint and credentials to use'
            cand --endpoint 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)'
            cand --region 'Region of the console'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --connect-timeout 'Give up connecting after this long'
            cand --config-dir 'Configuration directory (profiles, credentials)'
            cand --state-dir 'Local state directory (the submission journal)'
            cand --sandbox-state 'The embedded sandbox''s state file'
            cand --sandbox-speed 'How much faster the embedded sandbox moves refunds on'
            cand --request-timeout 'Give up on one request (one attempt) after this long'
            cand --all 'Every page, streamed as it arrives'
            cand --sandbox 'Use the built-in sandbox console (offline, persistent state, demo account)'
            cand --json 'Shorthand for `--output json`'
            cand --no-input 'Never prompt; fail at once when a value is missing'
            cand -v 'Print one line per request to stderr (method, path, status, time, request id)'
            cand --verbose 'Print one line per request to stderr (method, path, status, time, request id)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'One order in full: payment split, resources, refund quote and policy'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jdc-refund;orders;show'= {
            cand --profile 'Profile whose region, endpoint and credentials to use'
            cand --endpoint 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)'
            cand --region 'Region of the console'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --connect-timeout 'Give up connecting after this long'
            cand --config-dir 'Configuration directory (profiles, credentials)'
            cand --state-dir 'Local state directory (the submission journal)'
            cand --sandbox-state 'The embedded sandbox''s state file'
            cand --sandbox-speed 'How much faster the embedded sandbox moves refunds on'
            cand --request-timeout 'Give up on one request (one attempt) after this long'
            cand --sandbox 'Use the built-in sandbox console (offline, persistent state, demo account)'
            cand --json 'Shorthand for `--output json`'
            cand --no-input 'Never prompt; fail at once when a value is missing'
            cand -v 'Print one line per request to stderr (method, path, status, time, request id)'
            cand --verbose 'Print one line per request to stderr (method, path, status, time, request id)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jdc-refund;orders;help'= {
            cand show 'One order in full: payment split, resources, refund quote and policy'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jdc-refund;orders;help;show'= {
        }
        &'jdc-refund;orders;help;help'= {
        }
        &'jdc-refund;refund'= {
            cand --order 'The order to refund (its number, as `orders` lists it)'
            cand --resource-id 'Or the resource to refund (e.g. i-demo0nrsn01)'
            cand --amount 'The amount you expect, in yuan (e.g. 102.35); refused unless it equals the quote [default: the quote]'
            cand --reason 'Why you want the refund'
            cand --reason-text 'Your words, required with --reason other'
            cand --contact-name 'Contact name'
            cand --contact-phone 'Contact phone (a phone or an email is required)'
            cand --contact-email 'Contact email (a phone or an email is required)'
            cand --refund-to 'Where the money goes [default: original]'
            cand --attach 'A document to send with the application: PDF, PNG or JPEG, at most 5 MiB (repeatable)'
            cand --attach-kind 'What the attached documents are'
            cand --idempotency-key 'Idempotency key: the same key with the same request never makes a second refund [default: a new UUID, printed]'
            cand --batch 'Refund every row of a CSV file (`-`: stdin): a header, then `order` or `resource_id` per row, and optionally amount, reason, reason_text, refund_to, contact_name, contact_phone, contact_email, idempotency_key; the flags give defaults for empty cells'
            cand --concurrency 'With --batch: how many submissions to send at once (1 to 32)'
            cand --report 'With --batch: write each row''s result to FILE (`.csv` or `.json`)'
            cand --profile 'Profile whose region, endpoint and credentials to use'
            cand --endpoint 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)'
            cand --region 'Region of the console'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --connect-timeout 'Give up connecting after this long'
            cand --config-dir 'Configuration directory (profiles, credentials)'
            cand --state-dir 'Local state directory (the submission journal)'
            cand --sandbox-state 'The embedded sandbox''s state file'
            cand --sandbox-speed 'How much faster the embedded sandbox moves refunds on'
            cand --request-timeout 'Give up on one request (one attempt) after this long'
            cand --include-coupons 'Also refund the coupon share (refundArea 2)'
            cand --dry-run 'Show the quote and the policy, then stop; nothing is submitted'
            cand -y 'Submit without asking (required without a terminal)'
            cand --yes 'Submit without asking (required without a terminal)'
            cand --skip-invalid 'With --batch: report and skip invalid rows instead of stopping before the first submission'
            cand --sandbox 'Use the built-in sandbox console (offline, persistent state, demo account)'
            cand --json 'Shorthand for `--output json`'
            cand --no-input 'Never prompt; fail at once when a value is missing'
            cand -v 'Print one line per request to stderr (method, path, status, time, request id)'
            cand --verbose 'Print one line per request to stderr (method, path, status, time, request id)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand cancel 'Cancel a refund that is still pending approval'
            cand remind 'Remind (urge) the console about a refund in progress; once per 24 hours'
            cand resubmit 'Correct and submit again: cancel if still pending, quote anew, submit a new refund'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jdc-refund;refund;cancel'= {
            cand --profile 'Profile whose region, endpoint and credentials to use'
            cand --endpoint 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)'
            cand --region 'Region of the console'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --connect-timeout 'Give up connecting after this long'
            cand --config-dir 'Configuration directory (profiles, credentials)'
            cand --state-dir 'Local state directory (the submission journal)'
            cand --sandbox-state 'The embedded sandbox''s state file'
            cand --sandbox-speed 'How much faster the embedded sandbox moves refunds on'
            cand --request-timeout 'Give up on one request (one attempt) after this long'
            cand --sandbox 'Use the built-in sandbox console (offline, persistent state, demo account)'
            cand --json 'Shorthand for `--output json`'
            cand --no-input 'Never prompt; fail at once when a value is missing'
            cand -v 'Print one line per request to stderr (method, path, status, time, request id)'
            cand --verbose 'Print one line per request to stderr (method, path, status, time, request id)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jdc-refund;refund;remind'= {
            cand --profile 'Profile whose region, endpoint and credentials to use'
            cand --endpoint 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)'
            cand --region 'Region of the console'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --connect-timeout 'Give up connecting after this long'
            cand --config-dir 'Configuration directory (profiles, credentials)'
            cand --state-dir 'Local state directory (the submission journal)'
            cand --sandbox-state 'The embedded sandbox''s state file'
            cand --sandbox-speed 'How much faster the embedded sandbox moves refunds on'
            cand --request-timeout 'Give up on one request (one attempt) after this long'
            cand --sandbox 'Use the built-in sandbox console (offline, persistent state, demo account)'
            cand --json 'Shorthand for `--output json`'
            cand --no-input 'Never prompt; fail at once when a value is missing'
            cand -v 'Print one line per request to stderr (method, path, status, time, request id)'
            cand --verbose 'Print one line per request to stderr (method, path, status, time, request id)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jdc-refund;refund;resubmit'= {
            cand --order 'The order to refund (its number, as `orders` lists it)'
            cand --resource-id 'Or the resource to refund (e.g. i-demo0nrsn01)'
            cand --amount 'The amount you expect, in yuan (e.g. 102.35); refused unless it equals the quote [default: the quote]'
            cand --reason 'Why you want the refund'
            cand --reason-text 'Your words, required with --reason other'
            cand --contact-name 'Contact name'
            cand --contact-phone 'Contact phone (a phone or an email is required)'
            cand --contact-email 'Contact email (a phone or an email is required)'
            cand --refund-to 'Where the money goes [default: original]'
            cand --attach 'A document to send with the application: PDF, PNG or JPEG, at most 5 MiB (repeatable)'
            cand --attach-kind 'What the attached documents are'
            cand --idempotency-key 'Idempotency key: the same key with the same request never makes a second refund [default: a new UUID, printed]'
            cand --profile 'Profile whose region, endpoint and credentials to use'
            cand --endpoint 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)'
            cand --region 'Region of the console'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --connect-timeout 'Give up connecting after this long'
            cand --config-dir 'Configuration directory (profiles, credentials)'
            cand --state-dir 'Local state directory (the submission journal)'
            cand --sandbox-state 'The embedded sandbox''s state file'
            cand --sandbox-speed 'How much faster the embedded sandbox moves refunds on'
            cand --request-timeout 'Give up on one request (one attempt) after this long'
            cand --include-coupons 'Also refund the coupon share (refundArea 2)'
            cand --dry-run 'Show the quote and the policy, then stop; nothing is submitted'
            cand -y 'Submit without asking (required without a terminal)'
            cand --yes 'Submit without asking (required without a terminal)'
            cand --sandbox 'Use the built-in sandbox console (offline, persistent state, demo account)'
            cand --json 'Shorthand for `--output json`'
            cand --no-input 'Never prompt; fail at once when a value is missing'
            cand -v 'Print one line per request to stderr (method, path, status, time, request id)'
            cand --verbose 'Print one line per request to stderr (method, path, status, time, request id)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jdc-refund;refund;help'= {
            cand cancel 'Cancel a refund that is still pending approval'
            cand remind 'Remind (urge) the console about a refund in progress; once per 24 hours'
            cand resubmit 'Correct and submit again: cancel if still pending, quote anew, submit a new refund'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jdc-refund;refund;help;cancel'= {
        }
        &'jdc-refund;refund;help;remind'= {
        }
        &'jdc-refund;refund;help;resubmit'= {
        }
        &'jdc-refund;refund;help;help'= {
        }
        &'jdc-refund;status'= {
            cand --status 'Only refunds with this status'
            cand --order 'Only refunds of this order'
            cand --resource-id 'Only refunds of this resource'
            cand --page 'Page number, from 1'
            cand --page-size 'Refunds per page (1 to 100)'
            cand --interval 'How often to ask while watching'
            cand --timeout 'Stop watching after this long'
            cand --profile 'Profile whose region, endpoint and credentials to use'
            cand --endpoint 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)'
            cand --region 'Region of the console'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --connect-timeout 'Give up connecting after this long'
            cand --config-dir 'Configuration directory (profiles, credentials)'
            cand --state-dir 'Local state directory (the submission journal)'
            cand --sandbox-state 'The embedded sandbox''s state file'
            cand --sandbox-speed 'How much faster the embedded sandbox moves refunds on'
            cand --request-timeout 'Give up on one request (one attempt) after this long'
            cand --watch 'Follow the refund until it ends; the exit code says how it ended (0, 7, or 8 on timeout)'
            cand --sandbox 'Use the built-in sandbox console (offline, persistent state, demo account)'
            cand --json 'Shorthand for `--output json`'
            cand --no-input 'Never prompt; fail at once when a value is missing'
            cand -v 'Print one line per request to stderr (method, path, status, time, request id)'
            cand --verbose 'Print one line per request to stderr (method, path, status, time, request id)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jdc-refund;support'= {
            cand --profile 'Profile whose region, endpoint and credentials to use'
            cand --endpoint 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)'
            cand --region 'Region of the console'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --connect-timeout 'Give up connecting after this long'
            cand --config-dir 'Configuration directory (profiles, credentials)'
            cand --state-dir 'Local state directory (the submission journal)'
            cand --sandbox-state 'The embedded sandbox''s state file'
            cand --sandbox-speed 'How much faster the embedded sandbox moves refunds on'
            cand --request-timeout 'Give up on one request (one attempt) after this long'
            cand --sandbox 'Use the built-in sandbox console (offline, persistent state, demo account)'
            cand --json 'Shorthand for `--output json`'
            cand --no-input 'Never prompt; fail at once when a value is missing'
            cand -v 'Print one line per request to stderr (method, path, status, time, request id)'
            cand --verbose 'Print one line per request to stderr (method, path, status, time, request id)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jdc-refund;sandbox'= {
            cand --profile 'Profile whose region, endpoint and credentials to use'
            cand --endpoint 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)'
            cand --region 'Region of the console'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --connect-timeout 'Give up connecting after this long'
            cand --config-dir 'Configuration directory (profiles, credentials)'
            cand --state-dir 'Local state directory (the submission journal)'
            cand --sandbox-state 'The embedded sandbox''s state file'
            cand --sandbox-speed 'How much faster the embedded sandbox moves refunds on'
            cand --request-timeout 'Give up on one request (one attempt) after this long'
            cand --sandbox 'Use the built-in sandbox console (offline, persistent state, demo account)'
            cand --json 'Shorthand for `--output json`'
            cand --no-input 'Never prompt; fail at once when a value is missing'
            cand -v 'Print one line per request to stderr (method, path, status, time, request id)'
            cand --verbose 'Print one line per request to stderr (method, path, status, time, request id)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand serve 'Serve the sandbox console over HTTP until Ctrl-C'
            cand reset 'Delete the sandbox''s state; the next start seeds it anew'
            cand info 'Show the state path, accounts, key pair and seeded orders'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jdc-refund;sandbox;serve'= {
            cand --port 'Port on 127.0.0.1 (0 picks a free one)'
            cand --state 'State file [default: sandbox.sqlite3 in the user''s data directory, or $JDC_SANDBOX_STATE]'
            cand --speed 'How much faster than normal refunds move on (a refund normally ends in about 25 s)'
            cand --faults 'Inject faults, e.g. `latency=50ms,503=0.2,429=0.1,drop=0.5,stall=0.1,stall-for=5s`'
            cand --seed-orders 'Add this many refundable orders to the demo account (for load tests)'
            cand --profile 'Profile whose region, endpoint and credentials to use'
            cand --endpoint 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)'
            cand --region 'Region of the console'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --connect-timeout 'Give up connecting after this long'
            cand --config-dir 'Configuration directory (profiles, credentials)'
            cand --state-dir 'Local state directory (the submission journal)'
            cand --sandbox-state 'The embedded sandbox''s state file'
            cand --sandbox-speed 'How much faster the embedded sandbox moves refunds on'
            cand --request-timeout 'Give up on one request (one attempt) after this long'
            cand --sandbox 'Use the built-in sandbox console (offline, persistent state, demo account)'
            cand --json 'Shorthand for `--output json`'
            cand --no-input 'Never prompt; fail at once when a value is missing'
            cand -v 'Print one line per request to stderr (method, path, status, time, request id)'
            cand --verbose 'Print one line per request to stderr (method, path, status, time, request id)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jdc-refund;sandbox;reset'= {
            cand --state 'State file [default: sandbox.sqlite3 in the user''s data directory, or $JDC_SANDBOX_STATE]'
            cand --profile 'Profile whose region, endpoint and credentials to use'
            cand --endpoint 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)'
            cand --region 'Region of the console'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --connect-timeout 'Give up connecting after this long'
            cand --config-dir 'Configuration directory (profiles, credentials)'
            cand --state-dir 'Local state directory (the submission journal)'
            cand --sandbox-state 'The embedded sandbox''s state file'
            cand --sandbox-speed 'How much faster the embedded sandbox moves refunds on'
            cand --request-timeout 'Give up on one request (one attempt) after this long'
            cand --sandbox 'Use the built-in sandbox console (offline, persistent state, demo account)'
            cand --json 'Shorthand for `--output json`'
            cand --no-input 'Never prompt; fail at once when a value is missing'
            cand -v 'Print one line per request to stderr (method, path, status, time, request id)'
            cand --verbose 'Print one line per request to stderr (method, path, status, time, request id)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jdc-refund;sandbox;info'= {
            cand --state 'State file [default: sandbox.sqlite3 in the user''s data directory, or $JDC_SANDBOX_STATE]'
            cand --profile 'Profile whose region, endpoint and credentials to use'
            cand --endpoint 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)'
            cand --region 'Region of the console'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --connect-timeout 'Give up connecting after this long'
            cand --config-dir 'Configuration directory (profiles, credentials)'
            cand --state-dir 'Local state directory (the submission journal)'
            cand --sandbox-state 'The embedded sandbox''s state file'
            cand --sandbox-speed 'How much faster the embedded sandbox moves refunds on'
            cand --request-timeout 'Give up on one request (one attempt) after this long'
            cand --sandbox 'Use the built-in sandbox console (offline, persistent state, demo account)'
            cand --json 'Shorthand for `--output json`'
            cand --no-input 'Never prompt; fail at once when a value is missing'
            cand -v 'Print one line per request to stderr (method, path, status, time, request id)'
            cand --verbose 'Print one line per request to stderr (method, path, status, time, request id)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jdc-refund;sandbox;help'= {
            cand serve 'Serve the sandbox console over HTTP until Ctrl-C'
            cand reset 'Delete the sandbox''s state; the next start seeds it anew'
            cand info 'Show the state path, accounts, key pair and seeded orders'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jdc-refund;sandbox;help;serve'= {
        }
        &'jdc-refund;sandbox;help;reset'= {
        }
        &'jdc-refund;sandbox;help;info'= {
        }
        &'jdc-refund;sandbox;help;help'= {
        }
        &'jdc-refund;completions'= {
            cand --profile 'Profile whose region, endpoint and credentials to use'
            cand --endpoint 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)'
            cand --region 'Region of the console'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --connect-timeout 'Give up connecting after this long'
            cand --config-dir 'Configuration directory (profiles, credentials)'
            cand --state-dir 'Local state directory (the submission journal)'
            cand --sandbox-state 'The embedded sandbox''s state file'
            cand --sandbox-speed 'How much faster the embedded sandbox moves refunds on'
            cand --request-timeout 'Give up on one request (one attempt) after this long'
            cand --sandbox 'Use the built-in sandbox console (offline, persistent state, demo account)'
            cand --json 'Shorthand for `--output json`'
            cand --no-input 'Never prompt; fail at once when a value is missing'
            cand -v 'Print one line per request to stderr (method, path, status, time, request id)'
            cand --verbose 'Print one line per request to stderr (method, path, status, time, request id)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jdc-refund;help'= {
            cand login 'Sign in: account and password, or an AccessKey pair (step 1 of the guide)'
            cand logout 'Forget the profile''s stored credentials'
            cand orders 'List your orders, or show one with its refund quote (steps 2 and 3)'
            cand refund 'Apply for a refund, or cancel, remind or resubmit one (steps 3 to 8)'
            cand status 'List refund applications, show one, or watch it until it ends (steps 9 to 11)'
            cand support 'The console''s support channels (step 5)'
            cand sandbox 'Run or manage the sandbox console'
            cand completions 'Print the shell completion script (bash, zsh, fish, powershell, elvish)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jdc-refund;help;login'= {
        }
        &'jdc-refund;help;logout'= {
        }
        &'jdc-refund;help;orders'= {
            cand show 'One order in full: payment split, resources, refund quote and policy'
        }
        &'jdc-refund;help;orders;show'= {
        }
        &'jdc-refund;help;refund'= {
            cand cancel 'Cancel a refund that is still pending approval'
            cand remind 'Remind (urge) the console about a refund in progress; once per 24 hours'
            cand resubmit 'Correct and submit again: cancel if still pending, quote anew, submit a new refund'
        }
        &'jdc-refund;help;refund;cancel'= {
        }
        &'jdc-refund;help;refund;remind'= {
        }
        &'jdc-refund;help;refund;resubmit'= {
        }
        &'jdc-refund;help;status'= {
        }
        &'jdc-refund;help;support'= {
        }
        &'jdc-refund;help;sandbox'= {
            cand serve 'Serve the sandbox console over HTTP until Ctrl-C'
            cand reset 'Delete the sandbox''s state; the next start seeds it anew'
            cand info 'Show the state path, accounts, key pair and seeded orders'
        }
        &'jdc-refund;help;sandbox;serve'= {
        }
        &'jdc-refund;help;sandbox;reset'= {
        }
        &'jdc-refund;help;sandbox;info'= {
        }
        &'jdc-refund;help;completions'= {
        }
        &'jdc-refund;help;help'= {
        }
    ]
    $completions[$command]
}
