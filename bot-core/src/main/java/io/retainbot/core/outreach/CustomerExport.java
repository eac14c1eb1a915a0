package io.retainbot.core.outreach;

import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerQuery;
import io.retainbot.core.port.CustomerPages;
import io.retainbot.core.port.Transactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the whole customer file (or the customers a search finds) as CSV in the shape {@link CustomerImport} reads, page by page, so
 * memory stays flat however large the file is.
 */
public final class CustomerExport {
    private static final int PAGE = 1000;

    private final Transactor transactor;
    private final int pageSize;

    public CustomerExport(Transactor transactor) {
        this(transactor, PAGE);
    }

    /** @param pageSize customers read per transaction */
    public CustomerExport(Transactor transactor, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
        }
        this.transactor = transactor;
        this.pageSize = pageSize;
    }

    /** Writes the header and every customer, by id; returns how many customers were written. */
    public long writeTo(Writer out) {
        try {
            out.write(CustomerCsv.line(CustomerCsv.COLUMNS));
            long written = 0;
            long afterId = 0;
            while (true) {
                long from = afterId;
                List<CustomerPages.Entry> page = transactor.inTransaction(session ->
                        session.customerPages().after(from, pageSize));
                for (CustomerPages.Entry entry : page) {
                    out.write(CustomerCsv.line(CustomerCsv.format(entry)));
                    afterId = entry.customer().id();
                    written++;
                }
                if (page.size() < pageSize) {
                    out.flush();
                    return written;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the header and every customer {@code query} finds (its limit and offset ignored: all of them,
     * newest first, a page per transaction); returns how many were written.
     */
    public long writeMatching(Writer out, CustomerQuery query) {
        int page = Math.min(pageSize, CustomerQuery.MAX_LIMIT);
        try {
            out.write(CustomerCsv.line(CustomerCsv.COLUMNS));
            long written = 0;
            for (int offset = 0; ; offset += page) {
                CustomerQuery slice = query.page(page, offset);
                List<CustomerPages.Entry> entries = transactor.inTransaction(session -> {
                    List<Long> ids = session.customers().search(slice).stream().map(Customer::id).toList();
                    Map<Long, CustomerPages.Entry> byId = new HashMap<>();
                    session.customerPages().of(ids).forEach(entry -> byId.put(entry.customer().id(), entry));
                    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
                });
                for (CustomerPages.Entry entry : entries) {
                    out.write(CustomerCsv.line(CustomerCsv.format(entry)));
                    written++;
                }
                if (entries.size() < page) {
                    out.flush();
                    return written;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
