/**
 * Complaints: what a customer filed, its reference ({@code C-1042}), the internal target and the
 * promise made to the customer, the files and notes added to it, and its status; known product
 * issues with their fixes, matched against new complaints by category and symptom words.
 */
package io.retainbot.core.complaint;
