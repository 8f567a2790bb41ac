### jdc-refund messages (en). Keys: <area>-<what>; both catalogues hold the same keys
### and the same $arguments (tests/i18n.rs). Values are trimmed: use {"  "} for leading spaces.

## printer
printer-error = error:
printer-warning = warning:

## names of the console's codes (src/i18n/names.rs): English shows the code itself
name-refund-pending-approval = PENDING_APPROVAL
name-refund-processing = PROCESSING
name-refund-success = SUCCESS
name-refund-failed = FAILED
name-refund-rejected = REJECTED
name-refund-canceled = CANCELED
name-order-paid = PAID
name-order-failed = FAILED
name-order-no-pay = NO_PAY
name-order-dealing = DEALING
name-order-canceled = CANCELED
name-order-refund-part = REFUND_PART
name-order-refund-all = REFUND_ALL
name-charge-config = CONFIG
name-charge-flow = FLOW
name-charge-monthly = MONTHLY
name-charge-once = ONCE
name-pay-pre-paid = PRE_PAID
name-pay-post-paid = POST_PAID
name-order-type-new = NEW
name-order-type-renew = RENEW
name-order-type-resize = RESIZE_FORMULA
name-order-type-temp-upgrade = TEMP_UPGRADE
name-payment-balance = BALANCE_PAYMENT
name-payment-enterprise-bank = ENTERPRISE_BANK_PAYMENT
name-payment-personal-bank = PERSONAL_BANK_PAYMENT
name-payment-jd = JD_PAYMENT
name-payment-wechat = WENXIN_PAYMENT
name-payment-offline = OFFLINE_PAYMENT
name-product-vm = Virtual Machines

## orders (src/commands/orders.rs)
orders-col-order = ORDER
orders-col-resource = RESOURCE
orders-col-name = NAME
orders-col-product = PRODUCT
orders-col-charge = CHARGE
orders-col-pay-type = PAY TYPE
orders-col-paid = PAID
orders-col-status = STATUS
orders-col-created = CREATED
orders-none-match = No orders match.
orders-more-follow = More orders may follow: use --page { $page } or --all.
orders-bad-date = `{ $text }` is not a valid date
orders-bad-when = `{ $text }` is not a date (2026-01-31), a time (2026-01-31T10:00:00+08:00) or an age (90d)
orders-show-needs-order = orders show needs an ORDER number; `jdc-refund { $prefix }orders` lists them
orders-none-in-year = no orders in the last 12 months
orders-pick = Which order? (type to search)
orders-not-found = order { $number } not found in this account; `jdc-refund { $prefix }orders` lists yours
orders-show-title = Order { $number }  { $status }
orders-show-what = { $product } { $name } in { $region }, { $charge } / { $pay } / { $kind }
orders-show-when = created { $created }, paid { $paid }
orders-show-when-unpaid = created { $created }, not paid
orders-show-money = total { $total }, discount { $discount }, paid { $paid } (cash { $cash }, balance { $balance }, coupons { $coupons }) by { $channel }
orders-show-refunded = refunded { $amount }
orders-show-invoice = invoice issued
orders-show-resources = resources:
orders-show-term = { $duration } { $unit }  until { $until }
orders-unit-hour = HOUR
orders-unit-day = DAY
orders-unit-month = MONTH
orders-unit-year = YEAR
orders-apply-hint = Apply with `jdc-refund { $prefix }refund --order { $number } --reason … --contact-phone … --yes` (add --dry-run to check first).
orders-since-after-until = --since is after --until: give the earlier time to --since
name-item-running = RUNNING
name-item-expired = EXPIRED
name-item-refunded = REFUNDED
name-item-pending = PENDING
printer-eta = ETA

## status (src/commands/status.rs)
status-watch-needs-ids = --watch needs one or more REFUND_ID or --batch-report FILE; `jdc-refund status` lists the refunds
status-not-found = refund { $id } not found in this account; `jdc-refund { $prefix }status` lists yours
status-report-unreadable = cannot read the batch report { $path }: { $error }
status-report-bad = { $path } is not a batch report: give the CSV or JSON file `refund --batch … --report FILE` wrote
status-report-empty = the batch report { $path } holds no refund ids: no row was submitted
status-col-refund = REFUND
status-col-order = ORDER
status-col-resource = RESOURCE
status-col-amount = AMOUNT
status-col-to = TO
status-col-status = STATUS
status-col-created = CREATED
status-to-balance = balance
status-to-original = original
status-none-match = No refunds match.
status-pick-done = (done)
status-pick = Show one?
status-showing = Showing { $shown } of { $total }; use --page { $next } for more.
status-worker-failed = a status request failed unexpectedly; run the command again
status-show-title = Refund { $id }  { $status }
status-show-what = order { $order }, resource { $resource }
status-show-money = amount { $amount } to { $to } (cash { $cash }, balance { $balance }, coupons { $coupons })
status-show-expected = expected to finish by { $time }
status-show-timeline = timeline:
status-watch-timeout = refund { $id } is still { $status } after { $after }; check again with `jdc-refund { $prefix }status { $id } --watch`
status-watch-progress = finished
status-watch-many-timeout = { $open } of { $count } refunds are still open after { $after }; run the same command again to keep watching
status-watch-many-failed = { $failed } of { $count } refunds ended without a refund; `jdc-refund status REFUND_ID` shows why and what to do
status-watch-many-done = All { $count } refunds succeeded.

## command line values (src/cli.rs)
cli-bad-speed = `{ $text }` is not a positive number (e.g. 1, 10, 100)
cli-bad-duration = `{ $text }` is not a duration (use e.g. 500ms, 5s, 2m, 30m)
cli-zero-duration = must be longer than zero

## money (src/console/money.rs)
money-malformed = `{ $text }` is not an amount of money (expected yuan such as 102.35)
money-too-precise = `{ $text }` has more than two decimals; amounts are exact to the fen (0.01)
money-negative = `{ $text }` is negative; give an amount of zero or more
money-overflow = `{ $text }` is too large
