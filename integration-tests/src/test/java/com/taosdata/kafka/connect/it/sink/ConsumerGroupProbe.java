package com.taosdata.kafka.connect.it.sink;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;

/**
 * Reads a consumer group's membership from the broker. A member thrown out of its group (it did not poll within
 * {@code max.poll.interval.ms}) leaves and joins again under a new member id, and the group rebalances, so the same
 * member ids (and, for KIP-848 groups, the same group epoch) before and after mean: no rebalance in between.
 */
final class ConsumerGroupProbe implements AutoCloseable {

    /** Who is in the group, and its state. */
    record Membership(GroupState state, Set<String> memberIds, Optional<Integer> groupEpoch) {

        boolean stableWith(int members) {
            return state == GroupState.STABLE && memberIds.size() == members;
        }
    }

    private final Admin admin;

    ConsumerGroupProbe(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** The group of a sink connector's tasks, as Connect names it. */
    static String sinkGroup(String connector) {
        return "connect-" + connector;
    }

    Membership membership(String group) {
        ConsumerGroupDescription description;
        try {
            description = admin.describeConsumerGroups(List.of(group))
                    .describedGroups()
                    .get(group)
                    .get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("describing consumer group " + group + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Set<String> members = new TreeSet<>();
        for (MemberDescription member : description.members()) {
            members.add(member.consumerId());
        }
        return new Membership(description.groupState(), members, description.groupEpoch());
    }

    @Override
    public void close() {
        admin.close();
    }
}
