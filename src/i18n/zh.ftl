### jdc-refund messages (zh). Keys: <area>-<what>; both catalogues hold the same keys
### and the same $arguments (tests/i18n.rs). Values are trimmed: use {"  "} for leading spaces.

## printer
printer-error = 错误：
printer-warning = 警告：

## 控制台代码的中文名称（src/i18n/names.rs）
name-refund-pending-approval = 待审核
name-refund-processing = 处理中
name-refund-success = 退款成功
name-refund-failed = 退款失败
name-refund-rejected = 已驳回
name-refund-canceled = 已撤销
name-order-paid = 已支付
name-order-failed = 支付失败
name-order-no-pay = 未支付
name-order-dealing = 处理中
name-order-canceled = 已取消
name-order-refund-part = 部分退款
name-order-refund-all = 已全额退款
name-charge-config = 按配置
name-charge-flow = 按流量
name-charge-monthly = 包年包月
name-charge-once = 一次性
name-pay-pre-paid = 预付费
name-pay-post-paid = 后付费
name-order-type-new = 新购
name-order-type-renew = 续费
name-order-type-resize = 变配
name-order-type-temp-upgrade = 临时升配
name-payment-balance = 账户余额
name-payment-enterprise-bank = 企业网银
name-payment-personal-bank = 个人网银
name-payment-jd = 京东支付
name-payment-wechat = 微信支付
name-payment-offline = 线下汇款
name-product-vm = 云主机
