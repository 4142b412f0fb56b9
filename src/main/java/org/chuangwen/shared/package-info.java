/**
 * The tiny open kernel every module may use: ids, paging, domain errors with message keys.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.chuangwen.shared;
