-- Built-in message templates in both languages; the owner edits them (builtin stays true so they can be told apart).
insert into message_template (code, locale, name, body, builtin) values
('shipping_notice', 'zh_CN', '发货通知', '{name}您好！您在{shop_name}买的{last_item}已经发出啦，{carrier}单号：{tracking_no}，注意查收哦～', true),
('shipping_notice', 'en', 'Shipping notice', 'Hi {name}, your {last_item} from {shop_name} is on its way! {carrier} tracking number: {tracking_no}.', true),
('delivery_check', 'zh_CN', '收货回访', '{name}您好，{last_item}收到了吗？用着怎么样？有任何问题随时找我～', true),
('delivery_check', 'en', 'Delivery check', 'Hi {name}, did your {last_item} arrive safely? How do you like it? Any question, just ask me.', true),
('birthday', 'zh_CN', '生日祝福', '{name}，生日快乐！🎂 {shop_name}祝您新的一岁开心顺利～', true),
('birthday', 'en', 'Birthday wishes', 'Happy birthday, {name}! 🎂 Warm wishes from all of us at {shop_name}.', true),
('win_back', 'zh_CN', '老客户回访', '{name}您好，好久不见！距离您上次在{shop_name}下单已经{days_since_last_order}天了，最近上了不少新品，给您留了一份老客户专属优惠～', true),
('win_back', 'en', 'Win back', 'Hi {name}, it has been {days_since_last_order} days since your last order at {shop_name}. We have new things you might like, and a returning-customer thank-you for you.', true),
('launch_teaser', 'zh_CN', '新品预告', '{name}您好，{shop_name}下周有新品首发，老客户可以优先预订，要给您留一份吗？', true),
('launch_teaser', 'en', 'New launch teaser', 'Hi {name}, {shop_name} has a new launch next week and returning customers can reserve first. Shall I keep one for you?', true);
