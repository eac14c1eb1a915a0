/**
 * The business RetainBot works for: its name, time zone, opening hours and holidays, complaint
 * categories with their response targets, the promise margin, the referral directory and message
 * template overrides. Loaded and validated by bot-app from the optional business file.
 */
package io.retainbot.core.business;
