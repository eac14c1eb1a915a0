package io.retainbot.core.outreach;

import java.util.Locale;

/**
 * Why a template is sent. Marketing needs consent and always offers a way to stop; a service
 * message (a delivery delay, a price change) goes to the customers affected without marketing
 * consent, but never to anyone who blocked the bot.
 */
public enum TemplatePurpose {
    MARKETING,
    SERVICE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted codes */
    public static TemplatePurpose fromCode(String code) {
        for (TemplatePurpose purpose : values()) {
            if (purpose.code().equals(code)) {
                return purpose;
            }
        }
        throw new IllegalArgumentException("must be marketing or service; was \"" + code + "\"");
    }
}
