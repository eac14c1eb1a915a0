package io.retainbot.core.i18n;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.TimeZoneFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

/** Times, weekdays and dates as people in a language write them, in a given time zone. */
public final class DateWording {
    private DateWording() {
    }

    /**
     * "16:00" in English. Tagalog says the hour as people do: "alas-4 ng hapon", "ala-una ng madaling-araw",
     * "alas-10:30 ng umaga", "alas-12 ng tanghali"; Korean as a Korean shop writes it: "오후 4시",
     * "오전 10시 30분", "낮 12시", "밤 12시".
     */
    public static String time(Instant at, ZoneId zone, String language) {
        if (language.equals("tl")) {
            return tagalogTime(at.atZone(zone).toLocalTime());
        }
        if (language.equals("ko")) {
            return koreanTime(at.atZone(zone).toLocalTime());
        }
        return format("Hm", at, zone, language);
    }

    static String koreanTime(LocalTime time) {
        int hour = time.getHour();
        String partOfDay = hour == 0 ? "밤" : hour == 12 ? "낮" : hour < 12 ? "오전" : "오후";
        String clock = partOfDay + " " + (hour % 12 == 0 ? 12 : hour % 12) + "시";
        return time.getMinute() == 0 ? clock : clock + " " + time.getMinute() + "분";
    }

    /**
     * A day and its time, as a date line reads: "11월 30일(월) 오후 3시" in Korean (the weekday in brackets,
     * as Korean shops write dates), "November 30, 16:00", "Nobyembre 30, alas-3 ng hapon".
     */
    public static String dateAndTime(Instant at, ZoneId zone, String language) {
        if (language.equals("ko")) {
            return dayAndDate(at, zone, language) + " " + time(at, zone, language);
        }
        return date(at, zone, language) + ", " + time(at, zone, language);
    }

    /** A date a week or more away, with its weekday: "Monday, November 30", "11월 30일(월)", "Lunes, Nobyembre 30". */
    public static String dayAndDate(Instant at, ZoneId zone, String language) {
        if (language.equals("ko")) {
            return date(at, zone, language) + "(" + format("E", at, zone, language) + ")";
        }
        return format("MMMMEEEEd", at, zone, language);
    }

    /** The zone as people name it: "South Korea Time", "대한민국 시간", "Oras sa Timog Korea", else "GMT+08:00". */
    public static String zoneName(Instant at, ZoneId zone, String language) {
        return TimeZoneFormat.getInstance(ULocale.forLanguageTag(language))
                .format(TimeZoneFormat.Style.GENERIC_LOCATION, TimeZone.getTimeZone(zone.getId()), at.toEpochMilli());
    }

    static String tagalogTime(LocalTime time) {
        int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        String clock = time.getMinute() == 0
                ? (hour == 1 ? "ala-una" : "alas-" + hour)
                : (hour == 1 ? "ala-" : "alas-") + hour + String.format(":%02d", time.getMinute());
        return clock + " ng " + tagalogPartOfDay(time.getHour());
    }

    private static String tagalogPartOfDay(int hour) {
        if (hour == 0) {
            return "hatinggabi";
        }
        if (hour < 5) {
            return "madaling-araw";
        }
        if (hour < 12) {
            return "umaga";
        }
        if (hour == 12) {
            return "tanghali";
        }
        return hour < 18 ? "hapon" : "gabi";
    }

    /** "Friday", "금요일", "Biyernes". */
    public static String weekday(Instant at, ZoneId zone, String language) {
        return format("EEEE", at, zone, language);
    }

    /** "November 24", "11월 24일", "Nobyembre 24". */
    public static String date(Instant at, ZoneId zone, String language) {
        return format("MMMMd", at, zone, language);
    }

    private static String format(String skeleton, Instant at, ZoneId zone, String language) {
        DateFormat format = DateFormat.getInstanceForSkeleton(skeleton, ULocale.forLanguageTag(language));
        format.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        return format.format(Date.from(at));
    }
}
