package io.retainbot.core.outreach;

import io.retainbot.core.port.CustomerPages;
import io.retainbot.core.port.Transactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes the whole customer file as CSV in the shape {@link CustomerImport} reads, page by page, so
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
}
