# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_jdc_refund_global_optspecs
    string join \n sandbox profile= endpoint= region= o/output= json no-input color= lang= v/verbose connect-timeout= config-dir= state-dir= sandbox-state= sandbox-speed= request-timeout= h/help V/version
end

function __fish_jdc_refund_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_jdc_refund_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_jdc_refund_using_subcommand
    set -l cmd (__fish_jdc_refund_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -l profile -d 'Profile whose region, endpoint and credentials to use' -r
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -l endpoint -d 'Console base URL (default: JD Cloud\'s https://{service}.jdcloud-api.com)' -r
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -l region -d 'Region of the console' -r -f -a "cn-north-1\t''
cn-east-1\t''
cn-east-2\t''
cn-south-1\t''"
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t'One JSON document'
jsonl\t'One compact JSON object per line: listings stream an order (or refund) a line'"
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -l lang -d 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)' -r -f -a "zh\t'简体中文'
en\t'English'"
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -l config-dir -d 'Configuration directory (profiles, credentials)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -l state-dir -d 'Local state directory (the submission journal)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -l sandbox-state -d 'The embedded sandbox\'s state file' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -l sandbox-speed -d 'How much faster the embedded sandbox moves refunds on' -r
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -l request-timeout -d 'Give up on one request (one attempt) after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -l sandbox -d 'Use the built-in sandbox console (offline, persistent state, demo account)'
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -l json -d 'Shorthand for `--output json`'
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -l no-input -d 'Never prompt; fail at once when a value is missing'
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -s v -l verbose -d 'Print one line per request to stderr (method, path, status, time, request id)'
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -s V -l version -d 'Print version'
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -f -a "login" -d 'Sign in: account and password, or an AccessKey pair (step 1 of the guide) · 登录京东云控制台'
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -f -a "logout" -d 'Forget the profile\'s stored credentials · 退出登录'
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -f -a "orders" -d 'List your orders, or show one with its refund quote (steps 2 and 3) · 确认订单信息'
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -f -a "refund" -d 'Apply for a refund, or cancel, remind or resubmit one (steps 3 to 8) · 提交退款申请'
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -f -a "status" -d 'List refund applications, show one, or watch it until it ends (steps 9 to 11) · 等待审核结果'
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -f -a "support" -d 'The console\'s support channels (step 5) · 联系客服咨询'
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -f -a "sandbox" -d 'Run or manage the sandbox console · 沙箱控制台'
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -f -a "completions" -d 'Print the shell completion script (bash, zsh, fish, powershell, elvish) · 命令补全'
complete -c jdc-refund -n "__fish_jdc_refund_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l account -d 'Account (pin) to sign in with; the password is read from stdin' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l mfa-code -d 'The 6-digit MFA code, for accounts with MFA enabled' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l session -d 'How long the session lasts (15m to 12h)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l access-key-id -d 'Save an AccessKey pair instead; the secret key is read from stdin' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l profile -d 'Profile whose region, endpoint and credentials to use' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l endpoint -d 'Console base URL (default: JD Cloud\'s https://{service}.jdcloud-api.com)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l region -d 'Region of the console' -r -f -a "cn-north-1\t''
cn-east-1\t''
cn-east-2\t''
cn-south-1\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t'One JSON document'
jsonl\t'One compact JSON object per line: listings stream an order (or refund) a line'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l lang -d 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)' -r -f -a "zh\t'简体中文'
en\t'English'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l config-dir -d 'Configuration directory (profiles, credentials)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l state-dir -d 'Local state directory (the submission journal)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l sandbox-state -d 'The embedded sandbox\'s state file' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l sandbox-speed -d 'How much faster the embedded sandbox moves refunds on' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l request-timeout -d 'Give up on one request (one attempt) after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l password-stdin -d 'Read the password from stdin (one line)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l secret-key-stdin -d 'Read the secret key from stdin (one line)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l status -d 'Show who is signed in, with which profile and until when'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l sandbox -d 'Use the built-in sandbox console (offline, persistent state, demo account)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l json -d 'Shorthand for `--output json`'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -l no-input -d 'Never prompt; fail at once when a value is missing'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -s v -l verbose -d 'Print one line per request to stderr (method, path, status, time, request id)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand login" -s V -l version -d 'Print version'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand logout" -l profile -d 'Profile whose region, endpoint and credentials to use' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand logout" -l endpoint -d 'Console base URL (default: JD Cloud\'s https://{service}.jdcloud-api.com)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand logout" -l region -d 'Region of the console' -r -f -a "cn-north-1\t''
cn-east-1\t''
cn-east-2\t''
cn-south-1\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand logout" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t'One JSON document'
jsonl\t'One compact JSON object per line: listings stream an order (or refund) a line'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand logout" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand logout" -l lang -d 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)' -r -f -a "zh\t'简体中文'
en\t'English'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand logout" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand logout" -l config-dir -d 'Configuration directory (profiles, credentials)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand logout" -l state-dir -d 'Local state directory (the submission journal)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand logout" -l sandbox-state -d 'The embedded sandbox\'s state file' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand logout" -l sandbox-speed -d 'How much faster the embedded sandbox moves refunds on' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand logout" -l request-timeout -d 'Give up on one request (one attempt) after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand logout" -l sandbox -d 'Use the built-in sandbox console (offline, persistent state, demo account)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand logout" -l json -d 'Shorthand for `--output json`'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand logout" -l no-input -d 'Never prompt; fail at once when a value is missing'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand logout" -s v -l verbose -d 'Print one line per request to stderr (method, path, status, time, request id)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand logout" -s V -l version -d 'Print version'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l status -d 'Only orders with this status' -r -f -a "PAID\t''
FAILED\t''
NO_PAY\t''
DEALING\t''
CANCELED\t''
REFUND_PART\t''
REFUND_ALL\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l pay-type -d 'Only prepaid or post-paid orders' -r -f -a "PRE_PAID\t''
POST_PAID\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l charge-mode -d 'Only orders with this charge mode' -r -f -a "CONFIG\t''
FLOW\t''
MONTHLY\t''
ONCE\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l resource-id -d 'Only orders of this resource (e.g. i-demo0nrsn01)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l since -d 'Orders created on or after: a date (2026-01-31), a time (RFC 3339) or an age (90d) [default: 12 months ago]' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l until -d 'Orders created on or before (same forms as --since) [default: now]' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l page -d 'Page number, from 1' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l page-size -d 'Orders per page (1 to 100)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l profile -d 'Profile whose region, endpoint and credentials to use' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l endpoint -d 'Console base URL (default: JD Cloud\'s https://{service}.jdcloud-api.com)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l region -d 'Region of the console' -r -f -a "cn-north-1\t''
cn-east-1\t''
cn-east-2\t''
cn-south-1\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t'One JSON document'
jsonl\t'One compact JSON object per line: listings stream an order (or refund) a line'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l lang -d 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)' -r -f -a "zh\t'简体中文'
en\t'English'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l config-dir -d 'Configuration directory (profiles, credentials)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l state-dir -d 'Local state directory (the submission journal)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l sandbox-state -d 'The embedded sandbox\'s state file' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l sandbox-speed -d 'How much faster the embedded sandbox moves refunds on' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l request-timeout -d 'Give up on one request (one attempt) after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l all -d 'Every page, streamed as it arrives'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l sandbox -d 'Use the built-in sandbox console (offline, persistent state, demo account)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l json -d 'Shorthand for `--output json`'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -l no-input -d 'Never prompt; fail at once when a value is missing'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -s v -l verbose -d 'Print one line per request to stderr (method, path, status, time, request id)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -s V -l version -d 'Print version'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'One order in full: payment split, resources, refund quote and policy'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from show" -l profile -d 'Profile whose region, endpoint and credentials to use' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from show" -l endpoint -d 'Console base URL (default: JD Cloud\'s https://{service}.jdcloud-api.com)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from show" -l region -d 'Region of the console' -r -f -a "cn-north-1\t''
cn-east-1\t''
cn-east-2\t''
cn-south-1\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t'One JSON document'
jsonl\t'One compact JSON object per line: listings stream an order (or refund) a line'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from show" -l lang -d 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)' -r -f -a "zh\t'简体中文'
en\t'English'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from show" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from show" -l config-dir -d 'Configuration directory (profiles, credentials)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from show" -l state-dir -d 'Local state directory (the submission journal)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from show" -l sandbox-state -d 'The embedded sandbox\'s state file' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from show" -l sandbox-speed -d 'How much faster the embedded sandbox moves refunds on' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from show" -l request-timeout -d 'Give up on one request (one attempt) after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from show" -l sandbox -d 'Use the built-in sandbox console (offline, persistent state, demo account)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from show" -l json -d 'Shorthand for `--output json`'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail at once when a value is missing'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print one line per request to stderr (method, path, status, time, request id)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "show" -d 'One order in full: payment split, resources, refund quote and policy'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l order -d 'The order to refund (its number, as `orders` lists it)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l resource-id -d 'Or the resource to refund (e.g. i-demo0nrsn01)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l amount -d 'The amount you expect, in yuan (e.g. 102.35); refused unless it equals the quote [default: the quote]' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l reason -d 'Why you want the refund' -r -f -a "not-wanted\t'不想要了: no longer wanted'
unmet-needs\t'不满足需求: does not meet my needs'
poor-operation\t'操作体验差: poor operation experience'
poor-service\t'服务差: poor service'
other\t'其他: something else (needs --reason-text)'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l reason-text -d 'Your words, required with --reason other' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l contact-name -d 'Contact name' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l contact-phone -d 'Contact phone (a phone or an email is required)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l contact-email -d 'Contact email (a phone or an email is required)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l refund-to -d 'Where the money goes [default: original]' -r -f -a "original\t'Back to the payment method the order was paid with'
balance\t'To the JD Cloud account balance'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l attach -d 'A document to send with the application: PDF, PNG or JPEG, at most 5 MiB (repeatable)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l attach-kind -d 'What the attached documents are' -r -f -a "invoice\t''
contract\t''
other\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l idempotency-key -d 'Idempotency key: the same key with the same request never makes a second refund [default: a new UUID, printed]' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l batch -d 'Refund every row of a CSV file (`-`: stdin): a header, then `order` or `resource_id` per row, and optionally amount, reason, reason_text, refund_to, contact_name, contact_phone, contact_email, idempotency_key; the flags give defaults for empty cells' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l concurrency -d 'With --batch: how many submissions to send at once (1 to 32)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l report -d 'With --batch: write each row\'s result to FILE (`.csv` or `.json`)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l profile -d 'Profile whose region, endpoint and credentials to use' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l endpoint -d 'Console base URL (default: JD Cloud\'s https://{service}.jdcloud-api.com)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l region -d 'Region of the console' -r -f -a "cn-north-1\t''
cn-east-1\t''
cn-east-2\t''
cn-south-1\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t'One JSON document'
jsonl\t'One compact JSON object per line: listings stream an order (or refund) a line'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l lang -d 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)' -r -f -a "zh\t'简体中文'
en\t'English'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l config-dir -d 'Configuration directory (profiles, credentials)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l state-dir -d 'Local state directory (the submission journal)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l sandbox-state -d 'The embedded sandbox\'s state file' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l sandbox-speed -d 'How much faster the embedded sandbox moves refunds on' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l request-timeout -d 'Give up on one request (one attempt) after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l include-coupons -d 'Also refund the coupon share (refundArea 2)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l dry-run -d 'Show the quote and the policy, then stop; nothing is submitted'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -s y -l yes -d 'Submit without asking (required without a terminal)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l skip-invalid -d 'With --batch: report and skip invalid rows instead of stopping before the first submission'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l sandbox -d 'Use the built-in sandbox console (offline, persistent state, demo account)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l json -d 'Shorthand for `--output json`'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -l no-input -d 'Never prompt; fail at once when a value is missing'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -s v -l verbose -d 'Print one line per request to stderr (method, path, status, time, request id)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -s V -l version -d 'Print version'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -f -a "cancel" -d 'Cancel a refund that is still pending approval'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -f -a "remind" -d 'Remind (urge) the console about a refund in progress; once per 24 hours'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -f -a "resubmit" -d 'Correct and submit again: cancel if still pending, quote anew, submit a new refund'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and not __fish_seen_subcommand_from cancel remind resubmit help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from cancel" -l profile -d 'Profile whose region, endpoint and credentials to use' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from cancel" -l endpoint -d 'Console base URL (default: JD Cloud\'s https://{service}.jdcloud-api.com)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from cancel" -l region -d 'Region of the console' -r -f -a "cn-north-1\t''
cn-east-1\t''
cn-east-2\t''
cn-south-1\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from cancel" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t'One JSON document'
jsonl\t'One compact JSON object per line: listings stream an order (or refund) a line'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from cancel" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from cancel" -l lang -d 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)' -r -f -a "zh\t'简体中文'
en\t'English'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from cancel" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from cancel" -l config-dir -d 'Configuration directory (profiles, credentials)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from cancel" -l state-dir -d 'Local state directory (the submission journal)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from cancel" -l sandbox-state -d 'The embedded sandbox\'s state file' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from cancel" -l sandbox-speed -d 'How much faster the embedded sandbox moves refunds on' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from cancel" -l request-timeout -d 'Give up on one request (one attempt) after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from cancel" -l sandbox -d 'Use the built-in sandbox console (offline, persistent state, demo account)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from cancel" -l json -d 'Shorthand for `--output json`'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from cancel" -l no-input -d 'Never prompt; fail at once when a value is missing'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'Print one line per request to stderr (method, path, status, time, request id)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from remind" -l profile -d 'Profile whose region, endpoint and credentials to use' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from remind" -l endpoint -d 'Console base URL (default: JD Cloud\'s https://{service}.jdcloud-api.com)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from remind" -l region -d 'Region of the console' -r -f -a "cn-north-1\t''
cn-east-1\t''
cn-east-2\t''
cn-south-1\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from remind" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t'One JSON document'
jsonl\t'One compact JSON object per line: listings stream an order (or refund) a line'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from remind" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from remind" -l lang -d 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)' -r -f -a "zh\t'简体中文'
en\t'English'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from remind" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from remind" -l config-dir -d 'Configuration directory (profiles, credentials)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from remind" -l state-dir -d 'Local state directory (the submission journal)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from remind" -l sandbox-state -d 'The embedded sandbox\'s state file' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from remind" -l sandbox-speed -d 'How much faster the embedded sandbox moves refunds on' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from remind" -l request-timeout -d 'Give up on one request (one attempt) after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from remind" -l sandbox -d 'Use the built-in sandbox console (offline, persistent state, demo account)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from remind" -l json -d 'Shorthand for `--output json`'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from remind" -l no-input -d 'Never prompt; fail at once when a value is missing'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from remind" -s v -l verbose -d 'Print one line per request to stderr (method, path, status, time, request id)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from remind" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from remind" -s V -l version -d 'Print version'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l order -d 'The order to refund (its number, as `orders` lists it)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l resource-id -d 'Or the resource to refund (e.g. i-demo0nrsn01)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l amount -d 'The amount you expect, in yuan (e.g. 102.35); refused unless it equals the quote [default: the quote]' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l reason -d 'Why you want the refund' -r -f -a "not-wanted\t'不想要了: no longer wanted'
unmet-needs\t'不满足需求: does not meet my needs'
poor-operation\t'操作体验差: poor operation experience'
poor-service\t'服务差: poor service'
other\t'其他: something else (needs --reason-text)'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l reason-text -d 'Your words, required with --reason other' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l contact-name -d 'Contact name' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l contact-phone -d 'Contact phone (a phone or an email is required)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l contact-email -d 'Contact email (a phone or an email is required)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l refund-to -d 'Where the money goes [default: original]' -r -f -a "original\t'Back to the payment method the order was paid with'
balance\t'To the JD Cloud account balance'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l attach -d 'A document to send with the application: PDF, PNG or JPEG, at most 5 MiB (repeatable)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l attach-kind -d 'What the attached documents are' -r -f -a "invoice\t''
contract\t''
other\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l idempotency-key -d 'Idempotency key: the same key with the same request never makes a second refund [default: a new UUID, printed]' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l profile -d 'Profile whose region, endpoint and credentials to use' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l endpoint -d 'Console base URL (default: JD Cloud\'s https://{service}.jdcloud-api.com)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l region -d 'Region of the console' -r -f -a "cn-north-1\t''
cn-east-1\t''
cn-east-2\t''
cn-south-1\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t'One JSON document'
jsonl\t'One compact JSON object per line: listings stream an order (or refund) a line'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l lang -d 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)' -r -f -a "zh\t'简体中文'
en\t'English'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l config-dir -d 'Configuration directory (profiles, credentials)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l state-dir -d 'Local state directory (the submission journal)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l sandbox-state -d 'The embedded sandbox\'s state file' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l sandbox-speed -d 'How much faster the embedded sandbox moves refunds on' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l request-timeout -d 'Give up on one request (one attempt) after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l include-coupons -d 'Also refund the coupon share (refundArea 2)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l dry-run -d 'Show the quote and the policy, then stop; nothing is submitted'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -s y -l yes -d 'Submit without asking (required without a terminal)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l sandbox -d 'Use the built-in sandbox console (offline, persistent state, demo account)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l json -d 'Shorthand for `--output json`'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -l no-input -d 'Never prompt; fail at once when a value is missing'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -s v -l verbose -d 'Print one line per request to stderr (method, path, status, time, request id)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from resubmit" -s V -l version -d 'Print version'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Cancel a refund that is still pending approval'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from help" -f -a "remind" -d 'Remind (urge) the console about a refund in progress; once per 24 hours'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from help" -f -a "resubmit" -d 'Correct and submit again: cancel if still pending, quote anew, submit a new refund'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand refund; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l batch-report -d 'The refunds of a batch: its report (`refund --batch … --report FILE`, CSV or JSON)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l status -d 'Only refunds with this status' -r -f -a "PENDING_APPROVAL\t''
PROCESSING\t''
SUCCESS\t''
FAILED\t''
REJECTED\t''
CANCELED\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l order -d 'Only refunds of this order' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l resource-id -d 'Only refunds of this resource' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l page -d 'Page number, from 1' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l page-size -d 'Refunds per page (1 to 100)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l interval -d 'How often to ask while watching' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l timeout -d 'Stop watching after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l profile -d 'Profile whose region, endpoint and credentials to use' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l endpoint -d 'Console base URL (default: JD Cloud\'s https://{service}.jdcloud-api.com)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l region -d 'Region of the console' -r -f -a "cn-north-1\t''
cn-east-1\t''
cn-east-2\t''
cn-south-1\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t'One JSON document'
jsonl\t'One compact JSON object per line: listings stream an order (or refund) a line'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l lang -d 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)' -r -f -a "zh\t'简体中文'
en\t'English'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l config-dir -d 'Configuration directory (profiles, credentials)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l state-dir -d 'Local state directory (the submission journal)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l sandbox-state -d 'The embedded sandbox\'s state file' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l sandbox-speed -d 'How much faster the embedded sandbox moves refunds on' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l request-timeout -d 'Give up on one request (one attempt) after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l all -d 'Every page, streamed as it arrives'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l watch -d 'Follow the refunds until they end; the exit code says how they ended (0 all refunded, 7 one ended unsuccessfully, 8 on timeout)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l sandbox -d 'Use the built-in sandbox console (offline, persistent state, demo account)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l json -d 'Shorthand for `--output json`'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -l no-input -d 'Never prompt; fail at once when a value is missing'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -s v -l verbose -d 'Print one line per request to stderr (method, path, status, time, request id)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand status" -s V -l version -d 'Print version'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand support" -l profile -d 'Profile whose region, endpoint and credentials to use' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand support" -l endpoint -d 'Console base URL (default: JD Cloud\'s https://{service}.jdcloud-api.com)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand support" -l region -d 'Region of the console' -r -f -a "cn-north-1\t''
cn-east-1\t''
cn-east-2\t''
cn-south-1\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand support" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t'One JSON document'
jsonl\t'One compact JSON object per line: listings stream an order (or refund) a line'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand support" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand support" -l lang -d 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)' -r -f -a "zh\t'简体中文'
en\t'English'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand support" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand support" -l config-dir -d 'Configuration directory (profiles, credentials)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand support" -l state-dir -d 'Local state directory (the submission journal)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand support" -l sandbox-state -d 'The embedded sandbox\'s state file' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand support" -l sandbox-speed -d 'How much faster the embedded sandbox moves refunds on' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand support" -l request-timeout -d 'Give up on one request (one attempt) after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand support" -l sandbox -d 'Use the built-in sandbox console (offline, persistent state, demo account)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand support" -l json -d 'Shorthand for `--output json`'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand support" -l no-input -d 'Never prompt; fail at once when a value is missing'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand support" -s v -l verbose -d 'Print one line per request to stderr (method, path, status, time, request id)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand support" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand support" -s V -l version -d 'Print version'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -l profile -d 'Profile whose region, endpoint and credentials to use' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -l endpoint -d 'Console base URL (default: JD Cloud\'s https://{service}.jdcloud-api.com)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -l region -d 'Region of the console' -r -f -a "cn-north-1\t''
cn-east-1\t''
cn-east-2\t''
cn-south-1\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t'One JSON document'
jsonl\t'One compact JSON object per line: listings stream an order (or refund) a line'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -l lang -d 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)' -r -f -a "zh\t'简体中文'
en\t'English'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -l config-dir -d 'Configuration directory (profiles, credentials)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -l state-dir -d 'Local state directory (the submission journal)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -l sandbox-state -d 'The embedded sandbox\'s state file' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -l sandbox-speed -d 'How much faster the embedded sandbox moves refunds on' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -l request-timeout -d 'Give up on one request (one attempt) after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -l sandbox -d 'Use the built-in sandbox console (offline, persistent state, demo account)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -l json -d 'Shorthand for `--output json`'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -l no-input -d 'Never prompt; fail at once when a value is missing'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -s v -l verbose -d 'Print one line per request to stderr (method, path, status, time, request id)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -s V -l version -d 'Print version'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -f -a "serve" -d 'Serve the sandbox console over HTTP until Ctrl-C'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -f -a "reset" -d 'Delete the sandbox\'s state; the next start seeds it anew'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -f -a "info" -d 'Show the state path, accounts, key pair and seeded orders'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset info help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l port -d 'Port on 127.0.0.1 (0 picks a free one)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l state -d 'State file [default: sandbox.sqlite3 in the user\'s data directory, or $JDC_SANDBOX_STATE]' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l speed -d 'How much faster than normal refunds move on (a refund normally ends in about 25 s)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l faults -d 'Inject faults, e.g. `latency=50ms,503=0.2,429=0.1,drop=0.5,stall=0.1,stall-for=5s`' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l seed-orders -d 'Add this many refundable orders to the demo account (for load tests)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l profile -d 'Profile whose region, endpoint and credentials to use' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l endpoint -d 'Console base URL (default: JD Cloud\'s https://{service}.jdcloud-api.com)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l region -d 'Region of the console' -r -f -a "cn-north-1\t''
cn-east-1\t''
cn-east-2\t''
cn-south-1\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t'One JSON document'
jsonl\t'One compact JSON object per line: listings stream an order (or refund) a line'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l lang -d 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)' -r -f -a "zh\t'简体中文'
en\t'English'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l config-dir -d 'Configuration directory (profiles, credentials)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l state-dir -d 'Local state directory (the submission journal)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l sandbox-state -d 'The embedded sandbox\'s state file' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l sandbox-speed -d 'How much faster the embedded sandbox moves refunds on' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l request-timeout -d 'Give up on one request (one attempt) after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l sandbox -d 'Use the built-in sandbox console (offline, persistent state, demo account)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l json -d 'Shorthand for `--output json`'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l no-input -d 'Never prompt; fail at once when a value is missing'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s v -l verbose -d 'Print one line per request to stderr (method, path, status, time, request id)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s V -l version -d 'Print version'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l state -d 'State file [default: sandbox.sqlite3 in the user\'s data directory, or $JDC_SANDBOX_STATE]' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l profile -d 'Profile whose region, endpoint and credentials to use' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l endpoint -d 'Console base URL (default: JD Cloud\'s https://{service}.jdcloud-api.com)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l region -d 'Region of the console' -r -f -a "cn-north-1\t''
cn-east-1\t''
cn-east-2\t''
cn-south-1\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t'One JSON document'
jsonl\t'One compact JSON object per line: listings stream an order (or refund) a line'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l lang -d 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)' -r -f -a "zh\t'简体中文'
en\t'English'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l config-dir -d 'Configuration directory (profiles, credentials)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l state-dir -d 'Local state directory (the submission journal)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l sandbox-state -d 'The embedded sandbox\'s state file' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l sandbox-speed -d 'How much faster the embedded sandbox moves refunds on' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l request-timeout -d 'Give up on one request (one attempt) after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l sandbox -d 'Use the built-in sandbox console (offline, persistent state, demo account)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l json -d 'Shorthand for `--output json`'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l no-input -d 'Never prompt; fail at once when a value is missing'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'Print one line per request to stderr (method, path, status, time, request id)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -l state -d 'State file [default: sandbox.sqlite3 in the user\'s data directory, or $JDC_SANDBOX_STATE]' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -l profile -d 'Profile whose region, endpoint and credentials to use' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -l endpoint -d 'Console base URL (default: JD Cloud\'s https://{service}.jdcloud-api.com)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -l region -d 'Region of the console' -r -f -a "cn-north-1\t''
cn-east-1\t''
cn-east-2\t''
cn-south-1\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t'One JSON document'
jsonl\t'One compact JSON object per line: listings stream an order (or refund) a line'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -l lang -d 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)' -r -f -a "zh\t'简体中文'
en\t'English'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -l config-dir -d 'Configuration directory (profiles, credentials)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -l state-dir -d 'Local state directory (the submission journal)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -l sandbox-state -d 'The embedded sandbox\'s state file' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -l sandbox-speed -d 'How much faster the embedded sandbox moves refunds on' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -l request-timeout -d 'Give up on one request (one attempt) after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -l sandbox -d 'Use the built-in sandbox console (offline, persistent state, demo account)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -l json -d 'Shorthand for `--output json`'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -l no-input -d 'Never prompt; fail at once when a value is missing'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -s v -l verbose -d 'Print one line per request to stderr (method, path, status, time, request id)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from info" -s V -l version -d 'Print version'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "serve" -d 'Serve the sandbox console over HTTP until Ctrl-C'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Delete the sandbox\'s state; the next start seeds it anew'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "info" -d 'Show the state path, accounts, key pair and seeded orders'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand completions" -l profile -d 'Profile whose region, endpoint and credentials to use' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand completions" -l endpoint -d 'Console base URL (default: JD Cloud\'s https://{service}.jdcloud-api.com)' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand completions" -l region -d 'Region of the console' -r -f -a "cn-north-1\t''
cn-east-1\t''
cn-east-2\t''
cn-south-1\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t'One JSON document'
jsonl\t'One compact JSON object per line: listings stream an order (or refund) a line'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand completions" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand completions" -l lang -d 'Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)' -r -f -a "zh\t'简体中文'
en\t'English'"
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand completions" -l connect-timeout -d 'Give up connecting after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand completions" -l config-dir -d 'Configuration directory (profiles, credentials)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand completions" -l state-dir -d 'Local state directory (the submission journal)' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand completions" -l sandbox-state -d 'The embedded sandbox\'s state file' -r -F
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand completions" -l sandbox-speed -d 'How much faster the embedded sandbox moves refunds on' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand completions" -l request-timeout -d 'Give up on one request (one attempt) after this long' -r
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand completions" -l sandbox -d 'Use the built-in sandbox console (offline, persistent state, demo account)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand completions" -l json -d 'Shorthand for `--output json`'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand completions" -l no-input -d 'Never prompt; fail at once when a value is missing'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand completions" -s v -l verbose -d 'Print one line per request to stderr (method, path, status, time, request id)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand completions" -s V -l version -d 'Print version'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand help; and not __fish_seen_subcommand_from login logout orders refund status support sandbox completions help" -f -a "login" -d 'Sign in: account and password, or an AccessKey pair (step 1 of the guide) · 登录京东云控制台'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand help; and not __fish_seen_subcommand_from login logout orders refund status support sandbox completions help" -f -a "logout" -d 'Forget the profile\'s stored credentials · 退出登录'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand help; and not __fish_seen_subcommand_from login logout orders refund status support sandbox completions help" -f -a "orders" -d 'List your orders, or show one with its refund quote (steps 2 and 3) · 确认订单信息'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand help; and not __fish_seen_subcommand_from login logout orders refund status support sandbox completions help" -f -a "refund" -d 'Apply for a refund, or cancel, remind or resubmit one (steps 3 to 8) · 提交退款申请'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand help; and not __fish_seen_subcommand_from login logout orders refund status support sandbox completions help" -f -a "status" -d 'List refund applications, show one, or watch it until it ends (steps 9 to 11) · 等待审核结果'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand help; and not __fish_seen_subcommand_from login logout orders refund status support sandbox completions help" -f -a "support" -d 'The console\'s support channels (step 5) · 联系客服咨询'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand help; and not __fish_seen_subcommand_from login logout orders refund status support sandbox completions help" -f -a "sandbox" -d 'Run or manage the sandbox console · 沙箱控制台'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand help; and not __fish_seen_subcommand_from login logout orders refund status support sandbox completions help" -f -a "completions" -d 'Print the shell completion script (bash, zsh, fish, powershell, elvish) · 命令补全'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand help; and not __fish_seen_subcommand_from login logout orders refund status support sandbox completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "show" -d 'One order in full: payment split, resources, refund quote and policy'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand help; and __fish_seen_subcommand_from refund" -f -a "cancel" -d 'Cancel a refund that is still pending approval'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand help; and __fish_seen_subcommand_from refund" -f -a "remind" -d 'Remind (urge) the console about a refund in progress; once per 24 hours'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand help; and __fish_seen_subcommand_from refund" -f -a "resubmit" -d 'Correct and submit again: cancel if still pending, quote anew, submit a new refund'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "serve" -d 'Serve the sandbox console over HTTP until Ctrl-C'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "reset" -d 'Delete the sandbox\'s state; the next start seeds it anew'
complete -c jdc-refund -n "__fish_jdc_refund_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "info" -d 'Show the state path, accounts, key pair and seeded orders'
