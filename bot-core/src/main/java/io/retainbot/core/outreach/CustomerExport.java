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
        return write(out, pageSize, (written, last) -> transactor.inTransaction(session ->
                session.customerPages().after(last == null ? 0 : last.customer().id(), pageSize)));
    }

    /**
     * Writes the header and every customer {@code query} finds (its limit and offset ignored: all of them,
     * newest first, a page per transaction); returns how many were written.
     */
    public long writeMatching(Writer out, CustomerQuery query) {
        int page = Math.min(pageSize, CustomerQuery.MAX_LIMIT);
        return write(out, page, (written, last) -> transactor.inTransaction(session -> {
            List<Long> ids = session.customers().search(query.page(page, Math.toIntExact(written))).stream()
                    .map(Customer::id).toList();
            Map<Long, CustomerPages.Entry> byId = new HashMap<>();
            session.customerPages().of(ids).forEach(entry -> byId.put(entry.customer().id(), entry));
            return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        }));
    }

    /** The next page, given how many customers were written and the last of them (null before the first). */
    @FunctionalInterface
    private interface NextPage {
        List<CustomerPages.Entry> after(long written, CustomerPages.Entry last);
    }

    private static long write(Writer out, int pageSize, NextPage next) {
        try {
            out.write(CustomerCsv.line(CustomerCsv.COLUMNS));
            long written = 0;
            CustomerPages.Entry last = null;
            while (true) {
                List<CustomerPages.Entry> page = next.after(written, last);
                for (CustomerPages.Entry entry : page) {
                    out.write(CustomerCsv.line(CustomerCsv.format(entry)));
                    last = entry;
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
}
