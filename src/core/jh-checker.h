/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jh-finding.h"
#include "jh-library-set.h"
#include "jh-plan.h"

G_BEGIN_DECLS

#define JH_TYPE_CHECKER (jh_checker_get_type ())

G_DECLARE_FINAL_TYPE (JhChecker, jh_checker, JH, CHECKER, GObject)

JhChecker    *jh_checker_new             (JhLibrarySet *libraries);
JhLibrarySet *jh_checker_get_libraries   (JhChecker    *self);
gboolean      jh_checker_get_english     (JhChecker    *self);
void          jh_checker_set_english     (JhChecker    *self,
                                          gboolean      english);
void          jh_checker_set_disabled_rules (JhChecker          *self,
                                             const char * const *rule_ids);
GStrv         jh_checker_dup_disabled_rules (JhChecker          *self);
gboolean      jh_checker_is_rule_disabled   (JhChecker          *self,
                                             const char         *rule_id);
void          jh_checker_set_disabled_categories (JhChecker          *self,
                                                  const char * const *category_nicks);
GStrv         jh_checker_dup_disabled_categories (JhChecker          *self);
gboolean      jh_checker_is_category_disabled    (JhChecker          *self,
                                                  JhRuleCategory      category);
void          jh_checker_add_prior_plan  (JhChecker    *self,
                                          const char   *source,
                                          JhPlan       *plan);
GPtrArray    *jh_checker_check           (JhChecker    *self,
                                          JhPlan       *plan);
GPtrArray    *jh_checker_check_paragraph (JhChecker    *self,
                                          JhParagraph  *paragraph);
GStrv         jh_plan_dup_prior_sources  (JhPlan       *plan);

G_END_DECLS
