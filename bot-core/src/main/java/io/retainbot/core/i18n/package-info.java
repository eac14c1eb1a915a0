/**
 * Message catalogs: every customer-facing text, one UTF-8 properties file per language under
 * {@code i18n/messages_<lang>.properties}, ICU message syntax (named placeholders, plurals), with
 * formal and friendly variants and the business's own overrides. Adding a language is adding a file.
 */
package io.retainbot.core.i18n;
