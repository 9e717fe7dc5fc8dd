package com.taosdata.kafka.connect.source.config;

import com.taosdata.kafka.connect.schemas.config.ConfigEnum;

/** Where a new TMQ consumer group starts: the {@code subscription.from} key, TMQ's {@code auto.offset.reset}. */
public enum SubscriptionFrom implements ConfigEnum.Named {
    EARLIEST("earliest"),
    LATEST("latest");

    private final String value;

    SubscriptionFrom(String value) {
        this.value = value;
    }

    @Override
    public String configValue() {
        return value;
    }
}
