/**
 * Console accounts without HTTP: passwords (bcrypt), sign-in with its throttles per account and per
 * address, sessions that expire (kept by the SHA-256 of their cookie), the one-time set-up of the first
 * admin, and every change to an account recorded with who made it. Works through bot-core's ports.
 */
package io.retainbot.console.access;
