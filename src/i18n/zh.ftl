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

## 订单（src/commands/orders.rs）
orders-col-order = 订单号
orders-col-resource = 资源 ID
orders-col-name = 名称
orders-col-product = 产品
orders-col-charge = 计费方式
orders-col-pay-type = 付费类型
orders-col-paid = 实付（元）
orders-col-status = 状态
orders-col-created = 创建日期
orders-none-match = 没有符合条件的订单。
orders-more-follow = 可能还有更多订单：使用 --page { $page } 或 --all 查看。
orders-bad-date = `{ $text }` 不是有效的日期
orders-bad-when = `{ $text }` 不是日期（2026-01-31）、时间（2026-01-31T10:00:00+08:00）或时长（90d）
orders-show-needs-order = orders show 需要订单号；`jdc-refund { $prefix }orders` 可列出您的订单
orders-none-in-year = 最近 12 个月没有订单
orders-pick = 选择哪个订单？（输入可搜索）
orders-not-found = 本账号下找不到订单 { $number }；`jdc-refund { $prefix }orders` 可列出您的订单
orders-show-title = 订单 { $number }  { $status }
orders-show-what = { $product } { $name }，地域 { $region }，{ $charge } / { $pay } / { $kind }
orders-show-when = 创建于 { $created }，支付于 { $paid }
orders-show-when-unpaid = 创建于 { $created }，未支付
orders-show-money = 总额 { $total }，优惠 { $discount }，实付 { $paid }（现金 { $cash }，余额 { $balance }，代金券 { $coupons }），支付方式：{ $channel }
orders-show-refunded = 已退款 { $amount }
orders-show-invoice = 已开具发票
orders-show-resources = 资源：
orders-show-term = { $duration } { $unit }，到期时间 { $until }
orders-unit-hour = 小时
orders-unit-day = 天
orders-unit-month = 个月
orders-unit-year = 年
orders-apply-hint = 申请退款：`jdc-refund { $prefix }refund --order { $number } --reason … --contact-phone … --yes`（可先加 --dry-run 检查）。
orders-since-after-until = --since 晚于 --until：请把较早的时间给 --since
name-item-running = 运行中
name-item-expired = 已到期
name-item-refunded = 已退款
name-item-pending = 待生效
printer-eta = 剩余

## 退款状态（src/commands/status.rs）
status-watch-needs-ids = --watch 需要一个或多个 REFUND_ID，或 --batch-report FILE；`jdc-refund status` 可列出退款申请
status-not-found = 本账号下找不到退款申请 { $id }；`jdc-refund { $prefix }status` 可列出您的退款申请
status-report-unreadable = 无法读取批量退款报告 { $path }：{ $error }
status-report-bad = { $path } 不是批量退款报告：请提供 `refund --batch … --report FILE` 写出的 CSV 或 JSON 文件
status-report-empty = 批量退款报告 { $path } 中没有退款单号：没有任何一行已提交
status-col-refund = 退款单号
status-col-order = 订单号
status-col-resource = 资源 ID
status-col-amount = 金额（元）
status-col-to = 退至
status-col-status = 状态
status-col-created = 申请时间
status-to-balance = 账户余额
status-to-original = 原支付方式
status-none-match = 没有符合条件的退款申请。
status-pick-done = （完成）
status-pick = 查看哪一条？
status-showing = 已显示 { $shown } 条，共 { $total } 条；使用 --page { $next } 查看更多。
status-worker-failed = 查询退款状态时意外失败；请重新运行该命令
status-show-title = 退款申请 { $id }  { $status }
status-show-what = 订单 { $order }，资源 { $resource }
status-show-money = 退款金额 { $amount }，退至{ $to }（现金 { $cash }，余额 { $balance }，代金券 { $coupons }）
status-show-expected = 预计完成时间：{ $time }
status-show-timeline = 处理记录：
status-watch-timeout = 退款申请 { $id } 在 { $after } 后仍为“{ $status }”；可用 `jdc-refund { $prefix }status { $id } --watch` 继续查看
status-watch-progress = 已完成
status-watch-many-timeout = { $after } 后 { $count } 条退款申请中仍有 { $open } 条未完成；重新运行同一命令可继续查看
status-watch-many-failed = { $count } 条退款申请中有 { $failed } 条未能退款；`jdc-refund status REFUND_ID` 可查看原因和处理办法
status-watch-many-done = 全部 { $count } 条退款申请均已退款成功。

## 命令行取值（src/cli.rs）
cli-bad-speed = `{ $text }` 不是正数（例如 1、10、100）
cli-bad-duration = `{ $text }` 不是时长（例如 500ms、5s、2m、30m）
cli-zero-duration = 必须大于零

## 金额（src/console/money.rs）
money-malformed = `{ $text }` 不是金额（应为以元为单位的数字，例如 102.35）
money-too-precise = `{ $text }` 超过两位小数；金额精确到分（0.01）
money-negative = `{ $text }` 是负数；请给出零或更大的金额
money-overflow = `{ $text }` 太大
