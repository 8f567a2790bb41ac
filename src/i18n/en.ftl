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
