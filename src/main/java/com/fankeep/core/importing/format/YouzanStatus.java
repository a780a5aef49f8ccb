package com.fankeep.core.importing.format;

import com.fankeep.core.importing.model.OrderStatus;

/** Youzan 订单状态 values → FanKeep's status (refunds are read from 订单退款状态 / 订单已退款金额). */
final class YouzanStatus {

    private YouzanStatus() {
    }

    static OrderStatus of(String status) {
        if (status == null) {
            return OrderStatus.UNKNOWN;
        }
        return switch (status.trim()) {
            case "待付款", "等待买家付款" -> OrderStatus.UNPAID;
            case "待发货", "等待卖家发货" -> OrderStatus.PAID;
            case "已发货", "卖家已发货" -> OrderStatus.SHIPPED;
            case "交易成功", "交易完成", "已完成" -> OrderStatus.COMPLETED;
            case "交易关闭", "已关闭" -> OrderStatus.CLOSED;
            default -> OrderStatus.UNKNOWN;
        };
    }
}
