package com.fankeep.core.importing.format;

import com.fankeep.core.importing.model.OrderStatus;

/** Taobao/Tmall 订单状态 values (ExportOrderList and the detail file) → FanKeep's status. */
final class TaobaoStatus {

    private TaobaoStatus() {
    }

    static OrderStatus of(String status, String closeReason) {
        if (status == null) {
            return OrderStatus.UNKNOWN;
        }
        String s = status.replace(',', '，').trim();
        return switch (s) {
            case "等待买家付款" -> OrderStatus.UNPAID;
            case "买家已付款，等待卖家发货", "等待卖家发货" -> OrderStatus.PAID;
            case "卖家部分发货", "卖家已发货，等待买家确认", "等待买家确认收货", "卖家已发货" -> OrderStatus.SHIPPED;
            case "买家已签收", "交易成功" -> OrderStatus.COMPLETED;
            case "交易被淘宝关闭" -> OrderStatus.CLOSED;
            case "交易关闭" -> closeReason != null && closeReason.contains("退款") ? OrderStatus.REFUNDED : OrderStatus.CLOSED;
            default -> s.contains("退款") ? OrderStatus.REFUNDED : OrderStatus.UNKNOWN;
        };
    }
}
