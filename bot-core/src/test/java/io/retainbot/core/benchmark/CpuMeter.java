package io.retainbot.core.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * CPU time used by this JVM and by the PostgreSQL server, so a run on a busy machine still says
 * what one event costs: other processes slow the wall clock down, not the CPU time per event.
 * PostgreSQL's share is read from {@code /proc} (the postmaster and all its children); where that
 * cannot be read it is reported as unknown. Also the WAL the server wrote, which no other work on
 * the machine changes at all: what the writes of an event cost, rows and index entries alike.
 */
final class CpuMeter {
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final long postmasterPid;
    private final DataSource dataSource;

    private CpuMeter(long postmasterPid, DataSource dataSource) {
        this.postmasterPid = postmasterPid;
        this.dataSource = dataSource;
    }

    /** A meter for the server that runs the backend with this process id, reached through {@code dataSource}. */
    static CpuMeter forServerOf(long backendPid, DataSource dataSource) {
        long postmaster = ProcessHandle.of(backendPid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid)
                .orElse(-1L);
        return new CpuMeter(postmaster, dataSource);
    }

    Reading read() {
        return new Reading(javaNanos(), postgresNanos(), walPosition());
    }

    private long walPosition() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("the WAL position could not be read: " + e.getMessage(), e);
        }
    }

    private static long javaNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private OptionalLong postgresNanos() {
        if (postmasterPid < 0) {
            return OptionalLong.empty();
        }
        return ProcessHandle.of(postmasterPid)
                .map(server -> {
                    long ticks = ticks(server.pid(), true);
                    for (ProcessHandle child : server.descendants().toList()) {
                        ticks += Math.max(0, ticks(child.pid(), false));
                    }
                    return ticks < 0 ? OptionalLong.empty() : OptionalLong.of(ticks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND);
                })
                .orElse(OptionalLong.empty());
    }

    /**
     * utime + stime of a process from {@code /proc/<pid>/stat} (with {@code reapedChildren}, also the
     * time of its children that have ended: backends closed by the pool), or -1 if it cannot be read.
     */
    private static long ticks(long pid, boolean reapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return reapedChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /** CPU time consumed so far. */
    record Reading(long javaNanos, OptionalLong postgresNanos, long walBytes) {
        /** Bytes of WAL per event since {@code start}. */
        double walBytesPerEvent(Reading start, long events) {
            return (double) (walBytes - start.walBytes) / events;
        }

        /** Microseconds of Java CPU per event since {@code start}. */
        double javaMicrosPerEvent(Reading start, long events) {
            return (javaNanos - start.javaNanos) / 1e3 / events;
        }

        /** Microseconds of PostgreSQL CPU per event since {@code start}, or NaN when unknown. */
        double postgresMicrosPerEvent(Reading start, long events) {
            if (postgresNanos.isEmpty() || start.postgresNanos.isEmpty()) {
                return Double.NaN;
            }
            return (postgresNanos.getAsLong() - start.postgresNanos.getAsLong()) / 1e3 / events;
        }
    }
}
