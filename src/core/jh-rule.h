/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jh-types.h"

G_BEGIN_DECLS

/**
 * JhSeverity:
 * @JH_SEVERITY_INFO: worth a look; never fails a check
 * @JH_SEVERITY_WARNING: probably wrong
 * @JH_SEVERITY_ERROR: wrong; `jihua-cli check` fails
 *
 * How bad a finding is.  The values go up with the severity.
 */
typedef enum
{
  JH_SEVERITY_INFO,
  JH_SEVERITY_WARNING,
  JH_SEVERITY_ERROR,
} JhSeverity;

/**
 * JhRuleCategory:
 * @JH_RULE_CATEGORY_FORMULATION: out-of-date wording (提法)
 * @JH_RULE_CATEGORY_PLACEHOLDER: text left unfilled (20xx, XX, {单位})
 * @JH_RULE_CATEGORY_REQUIRED: content a plan or a section must have
 * @JH_RULE_CATEGORY_SCHEDULE: tasks without dates, dates outside the
 *   year, work piled into one quarter
 * @JH_RULE_CATEGORY_TARGET: work that should state a number and does not
 * @JH_RULE_CATEGORY_PUNCTUATION: half-width, doubled and unpaired marks
 * @JH_RULE_CATEGORY_NUMBERING: broken enumerations (一是 二是 四是)
 * @JH_RULE_CATEGORY_DUPLICATE: near-duplicate paragraphs in the plan
 * @JH_RULE_CATEGORY_YEAR: years that do not belong to the plan
 * @JH_RULE_CATEGORY_REUSE: superseded clauses, outdated clause versions,
 *   paragraphs copied unchanged from last year
 *
 * What a rule looks for.  Each category is one engine in Jihua, which
 * the rule configures.  The nicks are the names used in library files.
 */
typedef enum
{
  JH_RULE_CATEGORY_FORMULATION,
  JH_RULE_CATEGORY_PLACEHOLDER,
  JH_RULE_CATEGORY_REQUIRED,
  JH_RULE_CATEGORY_SCHEDULE,
  JH_RULE_CATEGORY_TARGET,
  JH_RULE_CATEGORY_PUNCTUATION,
  JH_RULE_CATEGORY_NUMBERING,
  JH_RULE_CATEGORY_DUPLICATE,
  JH_RULE_CATEGORY_YEAR,
  JH_RULE_CATEGORY_REUSE,
} JhRuleCategory;

typedef struct _JhLibrary JhLibrary;

#define JH_TYPE_RULE (jh_rule_get_type ())

G_DECLARE_FINAL_TYPE (JhRule, jh_rule, JH, RULE, GObject)

const char     *jh_rule_get_id                  (JhRule         *self);
JhRuleCategory  jh_rule_get_category            (JhRule         *self);
JhSeverity      jh_rule_get_severity            (JhRule         *self);
const char     *jh_rule_get_message             (JhRule         *self);
const char     *jh_rule_get_english_message     (JhRule         *self);
guint           jh_rule_get_valid_from          (JhRule         *self);
guint           jh_rule_get_valid_until         (JhRule         *self);
gboolean        jh_rule_is_valid_in             (JhRule         *self,
                                                 guint           year);
gboolean        jh_rule_applies_to_kind         (JhRule         *self,
                                                 JhSectionKind   kind);
const char     *jh_rule_get_source_document     (JhRule         *self);
const char     *jh_rule_get_source_organization (JhRule         *self);
guint           jh_rule_get_source_year         (JhRule         *self);
guint           jh_rule_get_n_examples          (JhRule         *self);
JhLibrary      *jh_rule_get_library             (JhRule         *self);

const char     *jh_severity_to_nick             (JhSeverity      severity);
gboolean        jh_severity_from_nick           (const char     *nick,
                                                 JhSeverity     *severity);
const char     *jh_severity_get_label           (JhSeverity      severity);
const char     *jh_rule_category_to_nick        (JhRuleCategory  category);
gboolean        jh_rule_category_from_nick      (const char     *nick,
                                                 JhRuleCategory *category);
const char     *jh_rule_category_get_label      (JhRuleCategory  category);

G_END_DECLS
