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
     * "16:00" (or the language's own clock form). Tagalog says the hour as people do:
     * "alas-4 ng hapon", "ala-una ng madaling-araw", "alas-10:30 ng umaga", "alas-12 ng tanghali".
     */
    public static String time(Instant at, ZoneId zone, String language) {
        if (language.equals("tl")) {
            return tagalogTime(at.atZone(zone).toLocalTime());
        }
        return format("Hm", at, zone, language);
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
