/** Web helpers every module may use: problem-details errors for the API, domain errors onto page forms. */
package org.chuangwen.shared.web;
