
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'jdc-refund' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'jdc-refund'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'jdc-refund' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile whose region, endpoint and credentials to use')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the console')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (profiles, credentials)')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Local state directory (the submission journal)')
            [CompletionResult]::new('--sandbox-state', '--sandbox-state', [CompletionResultType]::ParameterName, 'The embedded sandbox''s state file')
            [CompletionResult]::new('--sandbox-speed', '--sandbox-speed', [CompletionResultType]::ParameterName, 'How much faster the embedded sandbox moves refunds on')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one request (one attempt) after this long')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the built-in sandbox console (offline, persistent state, demo account)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for `--output json`')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail at once when a value is missing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Sign in: account and password, or an AccessKey pair (step 1 of the guide) · 登录京东云控制台')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget the profile''s stored credentials · 退出登录')
            [CompletionResult]::new('orders', 'orders', [CompletionResultType]::ParameterValue, 'List your orders, or show one with its refund quote (steps 2 and 3) · 确认订单信息')
            [CompletionResult]::new('refund', 'refund', [CompletionResultType]::ParameterValue, 'Apply for a refund, or cancel, remind or resubmit one (steps 3 to 8) · 提交退款申请')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'List refund applications, show one, or watch it until it ends (steps 9 to 11) · 等待审核结果')
            [CompletionResult]::new('support', 'support', [CompletionResultType]::ParameterValue, 'The console''s support channels (step 5) · 联系客服咨询')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run or manage the sandbox console · 沙箱控制台')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script (bash, zsh, fish, powershell, elvish) · 命令补全')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jdc-refund;login' {
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account (pin) to sign in with; the password is read from stdin')
            [CompletionResult]::new('--mfa-code', '--mfa-code', [CompletionResultType]::ParameterName, 'The 6-digit MFA code, for accounts with MFA enabled')
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'How long the session lasts (15m to 12h)')
            [CompletionResult]::new('--access-key-id', '--access-key-id', [CompletionResultType]::ParameterName, 'Save an AccessKey pair instead; the secret key is read from stdin')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile whose region, endpoint and credentials to use')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the console')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (profiles, credentials)')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Local state directory (the submission journal)')
            [CompletionResult]::new('--sandbox-state', '--sandbox-state', [CompletionResultType]::ParameterName, 'The embedded sandbox''s state file')
            [CompletionResult]::new('--sandbox-speed', '--sandbox-speed', [CompletionResultType]::ParameterName, 'How much faster the embedded sandbox moves refunds on')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one request (one attempt) after this long')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from stdin (one line)')
            [CompletionResult]::new('--secret-key-stdin', '--secret-key-stdin', [CompletionResultType]::ParameterName, 'Read the secret key from stdin (one line)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Show who is signed in, with which profile and until when')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the built-in sandbox console (offline, persistent state, demo account)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for `--output json`')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail at once when a value is missing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jdc-refund;logout' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile whose region, endpoint and credentials to use')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the console')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (profiles, credentials)')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Local state directory (the submission journal)')
            [CompletionResult]::new('--sandbox-state', '--sandbox-state', [CompletionResultType]::ParameterName, 'The embedded sandbox''s state file')
            [CompletionResult]::new('--sandbox-speed', '--sandbox-speed', [CompletionResultType]::ParameterName, 'How much faster the embedded sandbox moves refunds on')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one request (one attempt) after this long')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the built-in sandbox console (offline, persistent state, demo account)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for `--output json`')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail at once when a value is missing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jdc-refund;orders' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only orders with this status')
            [CompletionResult]::new('--pay-type', '--pay-type', [CompletionResultType]::ParameterName, 'Only prepaid or post-paid orders')
            [CompletionResult]::new('--charge-mode', '--charge-mode', [CompletionResultType]::ParameterName, 'Only orders with this charge mode')
            [CompletionResult]::new('--resource-id', '--resource-id', [CompletionResultType]::ParameterName, 'Only orders of this resource (e.g. i-demo0nrsn01)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Orders created on or after: a date (2026-01-31), a time (RFC 3339) or an age (90d) [default: 12 months ago]')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Orders created on or before (same forms as --since) [default: now]')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'Page number, from 1')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Orders per page (1 to 100)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile whose region, endpoint and credentials to use')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the console')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (profiles, credentials)')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Local state directory (the submission journal)')
            [CompletionResult]::new('--sandbox-state', '--sandbox-state', [CompletionResultType]::ParameterName, 'The embedded sandbox''s state file')
            [CompletionResult]::new('--sandbox-speed', '--sandbox-speed', [CompletionResultType]::ParameterName, 'How much faster the embedded sandbox moves refunds on')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one request (one attempt) after this long')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every page, streamed as it arrives')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the built-in sandbox console (offline, persistent state, demo account)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for `--output json`')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail at once when a value is missing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One order in full: payment split, resources, refund quote and policy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jdc-refund;orders;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile whose region, endpoint and credentials to use')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the console')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (profiles, credentials)')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Local state directory (the submission journal)')
            [CompletionResult]::new('--sandbox-state', '--sandbox-state', [CompletionResultType]::ParameterName, 'The embedded sandbox''s state file')
            [CompletionResult]::new('--sandbox-speed', '--sandbox-speed', [CompletionResultType]::ParameterName, 'How much faster the embedded sandbox moves refunds on')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one request (one attempt) after this long')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the built-in sandbox console (offline, persistent state, demo account)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for `--output json`')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail at once when a value is missing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jdc-refund;orders;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One order in full: payment split, resources, refund quote and policy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jdc-refund;orders;help;show' {
            break
        }
        'jdc-refund;orders;help;help' {
            break
        }
        'jdc-refund;refund' {
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'The order to refund (its number, as `orders` lists it)')
            [CompletionResult]::new('--resource-id', '--resource-id', [CompletionResultType]::ParameterName, 'Or the resource to refund (e.g. i-demo0nrsn01)')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'The amount you expect, in yuan (e.g. 102.35); refused unless it equals the quote [default: the quote]')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you want the refund')
            [CompletionResult]::new('--reason-text', '--reason-text', [CompletionResultType]::ParameterName, 'Your words, required with --reason other')
            [CompletionResult]::new('--contact-name', '--contact-name', [CompletionResultType]::ParameterName, 'Contact name')
            [CompletionResult]::new('--contact-phone', '--contact-phone', [CompletionResultType]::ParameterName, 'Contact phone (a phone or an email is required)')
            [CompletionResult]::new('--contact-email', '--contact-email', [CompletionResultType]::ParameterName, 'Contact email (a phone or an email is required)')
            [CompletionResult]::new('--refund-to', '--refund-to', [CompletionResultType]::ParameterName, 'Where the money goes [default: original]')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'A document to send with the application: PDF, PNG or JPEG, at most 5 MiB (repeatable)')
            [CompletionResult]::new('--attach-kind', '--attach-kind', [CompletionResultType]::ParameterName, 'What the attached documents are')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Idempotency key: the same key with the same request never makes a second refund [default: a new UUID, printed]')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Refund every row of a CSV file (`-`: stdin): a header, then `order` or `resource_id` per row, and optionally amount, reason, reason_text, refund_to, contact_name, contact_phone, contact_email, idempotency_key; the flags give defaults for empty cells')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'With --batch: how many submissions to send at once (1 to 32)')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'With --batch: write each row''s result to FILE (`.csv` or `.json`)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile whose region, endpoint and credentials to use')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the console')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (profiles, credentials)')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Local state directory (the submission journal)')
            [CompletionResult]::new('--sandbox-state', '--sandbox-state', [CompletionResultType]::ParameterName, 'The embedded sandbox''s state file')
            [CompletionResult]::new('--sandbox-speed', '--sandbox-speed', [CompletionResultType]::ParameterName, 'How much faster the embedded sandbox moves refunds on')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one request (one attempt) after this long')
            [CompletionResult]::new('--include-coupons', '--include-coupons', [CompletionResultType]::ParameterName, 'Also refund the coupon share (refundArea 2)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the quote and the policy, then stop; nothing is submitted')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Submit without asking (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Submit without asking (required without a terminal)')
            [CompletionResult]::new('--skip-invalid', '--skip-invalid', [CompletionResultType]::ParameterName, 'With --batch: report and skip invalid rows instead of stopping before the first submission')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the built-in sandbox console (offline, persistent state, demo account)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for `--output json`')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail at once when a value is missing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a refund that is still pending approval')
            [CompletionResult]::new('remind', 'remind', [CompletionResultType]::ParameterValue, 'Remind (urge) the console about a refund in progress; once per 24 hours')
            [CompletionResult]::new('resubmit', 'resubmit', [CompletionResultType]::ParameterValue, 'Correct and submit again: cancel if still pending, quote anew, submit a new refund')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jdc-refund;refund;cancel' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile whose region, endpoint and credentials to use')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the console')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (profiles, credentials)')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Local state directory (the submission journal)')
            [CompletionResult]::new('--sandbox-state', '--sandbox-state', [CompletionResultType]::ParameterName, 'The embedded sandbox''s state file')
            [CompletionResult]::new('--sandbox-speed', '--sandbox-speed', [CompletionResultType]::ParameterName, 'How much faster the embedded sandbox moves refunds on')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one request (one attempt) after this long')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the built-in sandbox console (offline, persistent state, demo account)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for `--output json`')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail at once when a value is missing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jdc-refund;refund;remind' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile whose region, endpoint and credentials to use')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the console')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (profiles, credentials)')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Local state directory (the submission journal)')
            [CompletionResult]::new('--sandbox-state', '--sandbox-state', [CompletionResultType]::ParameterName, 'The embedded sandbox''s state file')
            [CompletionResult]::new('--sandbox-speed', '--sandbox-speed', [CompletionResultType]::ParameterName, 'How much faster the embedded sandbox moves refunds on')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one request (one attempt) after this long')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the built-in sandbox console (offline, persistent state, demo account)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for `--output json`')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail at once when a value is missing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jdc-refund;refund;resubmit' {
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'The order to refund (its number, as `orders` lists it)')
            [CompletionResult]::new('--resource-id', '--resource-id', [CompletionResultType]::ParameterName, 'Or the resource to refund (e.g. i-demo0nrsn01)')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'The amount you expect, in yuan (e.g. 102.35); refused unless it equals the quote [default: the quote]')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you want the refund')
            [CompletionResult]::new('--reason-text', '--reason-text', [CompletionResultType]::ParameterName, 'Your words, required with --reason other')
            [CompletionResult]::new('--contact-name', '--contact-name', [CompletionResultType]::ParameterName, 'Contact name')
            [CompletionResult]::new('--contact-phone', '--contact-phone', [CompletionResultType]::ParameterName, 'Contact phone (a phone or an email is required)')
            [CompletionResult]::new('--contact-email', '--contact-email', [CompletionResultType]::ParameterName, 'Contact email (a phone or an email is required)')
            [CompletionResult]::new('--refund-to', '--refund-to', [CompletionResultType]::ParameterName, 'Where the money goes [default: original]')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'A document to send with the application: PDF, PNG or JPEG, at most 5 MiB (repeatable)')
            [CompletionResult]::new('--attach-kind', '--attach-kind', [CompletionResultType]::ParameterName, 'What the attached documents are')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Idempotency key: the same key with the same request never makes a second refund [default: a new UUID, printed]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile whose region, endpoint and credentials to use')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the console')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (profiles, credentials)')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Local state directory (the submission journal)')
            [CompletionResult]::new('--sandbox-state', '--sandbox-state', [CompletionResultType]::ParameterName, 'The embedded sandbox''s state file')
            [CompletionResult]::new('--sandbox-speed', '--sandbox-speed', [CompletionResultType]::ParameterName, 'How much faster the embedded sandbox moves refunds on')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one request (one attempt) after this long')
            [CompletionResult]::new('--include-coupons', '--include-coupons', [CompletionResultType]::ParameterName, 'Also refund the coupon share (refundArea 2)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the quote and the policy, then stop; nothing is submitted')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Submit without asking (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Submit without asking (required without a terminal)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the built-in sandbox console (offline, persistent state, demo account)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for `--output json`')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail at once when a value is missing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jdc-refund;refund;help' {
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a refund that is still pending approval')
            [CompletionResult]::new('remind', 'remind', [CompletionResultType]::ParameterValue, 'Remind (urge) the console about a refund in progress; once per 24 hours')
            [CompletionResult]::new('resubmit', 'resubmit', [CompletionResultType]::ParameterValue, 'Correct and submit again: cancel if still pending, quote anew, submit a new refund')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jdc-refund;refund;help;cancel' {
            break
        }
        'jdc-refund;refund;help;remind' {
            break
        }
        'jdc-refund;refund;help;resubmit' {
            break
        }
        'jdc-refund;refund;help;help' {
            break
        }
        'jdc-refund;status' {
            [CompletionResult]::new('--batch-report', '--batch-report', [CompletionResultType]::ParameterName, 'The refunds of a batch: its report (`refund --batch … --report FILE`, CSV or JSON)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only refunds with this status')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'Only refunds of this order')
            [CompletionResult]::new('--resource-id', '--resource-id', [CompletionResultType]::ParameterName, 'Only refunds of this resource')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'Page number, from 1')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Refunds per page (1 to 100)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often to ask while watching')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop watching after this long')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile whose region, endpoint and credentials to use')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the console')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (profiles, credentials)')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Local state directory (the submission journal)')
            [CompletionResult]::new('--sandbox-state', '--sandbox-state', [CompletionResultType]::ParameterName, 'The embedded sandbox''s state file')
            [CompletionResult]::new('--sandbox-speed', '--sandbox-speed', [CompletionResultType]::ParameterName, 'How much faster the embedded sandbox moves refunds on')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one request (one attempt) after this long')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every page, streamed as it arrives')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Follow the refunds until they end; the exit code says how they ended (0 all refunded, 7 one ended unsuccessfully, 8 on timeout)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the built-in sandbox console (offline, persistent state, demo account)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for `--output json`')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail at once when a value is missing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jdc-refund;support' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile whose region, endpoint and credentials to use')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the console')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (profiles, credentials)')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Local state directory (the submission journal)')
            [CompletionResult]::new('--sandbox-state', '--sandbox-state', [CompletionResultType]::ParameterName, 'The embedded sandbox''s state file')
            [CompletionResult]::new('--sandbox-speed', '--sandbox-speed', [CompletionResultType]::ParameterName, 'How much faster the embedded sandbox moves refunds on')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one request (one attempt) after this long')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the built-in sandbox console (offline, persistent state, demo account)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for `--output json`')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail at once when a value is missing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jdc-refund;sandbox' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile whose region, endpoint and credentials to use')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the console')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (profiles, credentials)')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Local state directory (the submission journal)')
            [CompletionResult]::new('--sandbox-state', '--sandbox-state', [CompletionResultType]::ParameterName, 'The embedded sandbox''s state file')
            [CompletionResult]::new('--sandbox-speed', '--sandbox-speed', [CompletionResultType]::ParameterName, 'How much faster the embedded sandbox moves refunds on')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one request (one attempt) after this long')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the built-in sandbox console (offline, persistent state, demo account)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for `--output json`')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail at once when a value is missing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the sandbox console over HTTP until Ctrl-C')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Delete the sandbox''s state; the next start seeds it anew')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Show the state path, accounts, key pair and seeded orders')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jdc-refund;sandbox;serve' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port on 127.0.0.1 (0 picks a free one)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file [default: sandbox.sqlite3 in the user''s data directory, or $JDC_SANDBOX_STATE]')
            [CompletionResult]::new('--speed', '--speed', [CompletionResultType]::ParameterName, 'How much faster than normal refunds move on (a refund normally ends in about 25 s)')
            [CompletionResult]::new('--faults', '--faults', [CompletionResultType]::ParameterName, 'Inject faults, e.g. `latency=50ms,503=0.2,429=0.1,drop=0.5,stall=0.1,stall-for=5s`')
            [CompletionResult]::new('--seed-orders', '--seed-orders', [CompletionResultType]::ParameterName, 'Add this many refundable orders to the demo account (for load tests)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile whose region, endpoint and credentials to use')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the console')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (profiles, credentials)')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Local state directory (the submission journal)')
            [CompletionResult]::new('--sandbox-state', '--sandbox-state', [CompletionResultType]::ParameterName, 'The embedded sandbox''s state file')
            [CompletionResult]::new('--sandbox-speed', '--sandbox-speed', [CompletionResultType]::ParameterName, 'How much faster the embedded sandbox moves refunds on')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one request (one attempt) after this long')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the built-in sandbox console (offline, persistent state, demo account)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for `--output json`')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail at once when a value is missing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jdc-refund;sandbox;reset' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file [default: sandbox.sqlite3 in the user''s data directory, or $JDC_SANDBOX_STATE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile whose region, endpoint and credentials to use')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the console')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (profiles, credentials)')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Local state directory (the submission journal)')
            [CompletionResult]::new('--sandbox-state', '--sandbox-state', [CompletionResultType]::ParameterName, 'The embedded sandbox''s state file')
            [CompletionResult]::new('--sandbox-speed', '--sandbox-speed', [CompletionResultType]::ParameterName, 'How much faster the embedded sandbox moves refunds on')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one request (one attempt) after this long')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the built-in sandbox console (offline, persistent state, demo account)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for `--output json`')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail at once when a value is missing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jdc-refund;sandbox;info' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file [default: sandbox.sqlite3 in the user''s data directory, or $JDC_SANDBOX_STATE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile whose region, endpoint and credentials to use')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the console')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (profiles, credentials)')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Local state directory (the submission journal)')
            [CompletionResult]::new('--sandbox-state', '--sandbox-state', [CompletionResultType]::ParameterName, 'The embedded sandbox''s state file')
            [CompletionResult]::new('--sandbox-speed', '--sandbox-speed', [CompletionResultType]::ParameterName, 'How much faster the embedded sandbox moves refunds on')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one request (one attempt) after this long')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the built-in sandbox console (offline, persistent state, demo account)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for `--output json`')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail at once when a value is missing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jdc-refund;sandbox;help' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the sandbox console over HTTP until Ctrl-C')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Delete the sandbox''s state; the next start seeds it anew')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Show the state path, accounts, key pair and seeded orders')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jdc-refund;sandbox;help;serve' {
            break
        }
        'jdc-refund;sandbox;help;reset' {
            break
        }
        'jdc-refund;sandbox;help;info' {
            break
        }
        'jdc-refund;sandbox;help;help' {
            break
        }
        'jdc-refund;completions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile whose region, endpoint and credentials to use')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Console base URL (default: JD Cloud''s https://{service}.jdcloud-api.com)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the console')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this long')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (profiles, credentials)')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Local state directory (the submission journal)')
            [CompletionResult]::new('--sandbox-state', '--sandbox-state', [CompletionResultType]::ParameterName, 'The embedded sandbox''s state file')
            [CompletionResult]::new('--sandbox-speed', '--sandbox-speed', [CompletionResultType]::ParameterName, 'How much faster the embedded sandbox moves refunds on')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on one request (one attempt) after this long')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the built-in sandbox console (offline, persistent state, demo account)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for `--output json`')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail at once when a value is missing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per request to stderr (method, path, status, time, request id)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jdc-refund;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Sign in: account and password, or an AccessKey pair (step 1 of the guide) · 登录京东云控制台')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget the profile''s stored credentials · 退出登录')
            [CompletionResult]::new('orders', 'orders', [CompletionResultType]::ParameterValue, 'List your orders, or show one with its refund quote (steps 2 and 3) · 确认订单信息')
            [CompletionResult]::new('refund', 'refund', [CompletionResultType]::ParameterValue, 'Apply for a refund, or cancel, remind or resubmit one (steps 3 to 8) · 提交退款申请')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'List refund applications, show one, or watch it until it ends (steps 9 to 11) · 等待审核结果')
            [CompletionResult]::new('support', 'support', [CompletionResultType]::ParameterValue, 'The console''s support channels (step 5) · 联系客服咨询')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run or manage the sandbox console · 沙箱控制台')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script (bash, zsh, fish, powershell, elvish) · 命令补全')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jdc-refund;help;login' {
            break
        }
        'jdc-refund;help;logout' {
            break
        }
        'jdc-refund;help;orders' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One order in full: payment split, resources, refund quote and policy')
            break
        }
        'jdc-refund;help;orders;show' {
            break
        }
        'jdc-refund;help;refund' {
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a refund that is still pending approval')
            [CompletionResult]::new('remind', 'remind', [CompletionResultType]::ParameterValue, 'Remind (urge) the console about a refund in progress; once per 24 hours')
            [CompletionResult]::new('resubmit', 'resubmit', [CompletionResultType]::ParameterValue, 'Correct and submit again: cancel if still pending, quote anew, submit a new refund')
            break
        }
        'jdc-refund;help;refund;cancel' {
            break
        }
        'jdc-refund;help;refund;remind' {
            break
        }
        'jdc-refund;help;refund;resubmit' {
            break
        }
        'jdc-refund;help;status' {
            break
        }
        'jdc-refund;help;support' {
            break
        }
        'jdc-refund;help;sandbox' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the sandbox console over HTTP until Ctrl-C')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Delete the sandbox''s state; the next start seeds it anew')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Show the state path, accounts, key pair and seeded orders')
            break
        }
        'jdc-refund;help;sandbox;serve' {
            break
        }
        'jdc-refund;help;sandbox;reset' {
            break
        }
        'jdc-refund;help;sandbox;info' {
            break
        }
        'jdc-refund;help;completions' {
            break
        }
        'jdc-refund;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
