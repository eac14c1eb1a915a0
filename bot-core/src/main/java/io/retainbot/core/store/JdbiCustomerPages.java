package io.retainbot.core.store;

import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.port.CustomerPages;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Pages of the customer file with their identities: two statements per page, whatever its size. */
final class JdbiCustomerPages implements CustomerPages {
    private final CustomerDao dao;

    JdbiCustomerPages(CustomerDao dao) {
        this.dao = dao;
    }

    @Override
    public List<Entry> after(long afterId, int limit) {
        List<CustomerDao.Row> rows = dao.page(afterId, limit);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ChannelIdentity>> identities = dao.identitiesOf(
                        rows.stream().mapToLong(CustomerDao.Row::id).toArray()).stream()
                .map(JdbiCustomerStore::toIdentity)
                .collect(Collectors.groupingBy(ChannelIdentity::customerId));
        return rows.stream().map(row -> new Entry(JdbiCustomerStore.toCustomer(row),
                identities.getOrDefault(row.id(), List.of()))).toList();
    }
}
