/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "jh-pattern-private.h"
#include "jh-plan.h"
#include "jh-rule.h"

G_BEGIN_DECLS

/* How a rule's <fix> makes a replacement. */
typedef enum
{
  JH_FIX_TEMPLATE_REPLACE,   /* the text as written */
  JH_FIX_TEMPLATE_MAP,       /* the flagged text, character by character */
  JH_FIX_TEMPLATE_EXPAND,    /* the text, with the match's groups */
  JH_FIX_TEMPLATE_CLAUSE,    /* insert a clause */
} JhFixTemplateKind;

typedef struct
{
  JhFixTemplateKind  kind;
  char              *text;       /* replacement, map, or clause id */
  char              *for_text;   /* only for this flagged text */
  guint              from;
  guint              until;
} JhFixTemplate;

/* An enumeration marker: 一是, 1、, （1）, 第一， */
typedef struct
{
  gboolean  chinese;
  char     *prefix;
  char     *suffix;
  gboolean  at_start;
} JhMarker;

typedef struct
{
  gunichar open;
  gunichar close;
} JhPair;

typedef enum
{
  JH_RULE_CONDITION_NONE,
  JH_RULE_CONDITION_UNSCHEDULED,
  JH_RULE_CONDITION_OUTSIDE_YEAR,
  JH_RULE_CONDITION_CONCENTRATED,
  JH_RULE_CONDITION_SUPERSEDED_CLAUSE,
  JH_RULE_CONDITION_CLAUSE_VERSION,
  JH_RULE_CONDITION_CARRIED_OVER,
} JhRuleCondition;

typedef enum
{
  JH_YEARS_BEFORE,
  JH_YEARS_AFTER,
  JH_YEARS_OTHER,
} JhYearsFlag;

/* An example that must (or must not) be flagged: a paragraph of text,
 * or a small plan.
 */
typedef struct
{
  gboolean       flagged;
  guint          year;
  gboolean       has_kind;
  JhSectionKind  kind;
  char          *expect;
  char          *text;
  JhPlan        *plan;
  char          *prior_source;
  JhPlan        *prior;
  long           line;
} JhRuleExample;

struct _JhRule
{
  GObject          parent_instance;

  char            *id;
  JhRuleCategory   category;
  JhSeverity       severity;
  char            *message;
  char            *message_en;
  guint            from;
  guint            until;
  char            *source_document;
  char            *source_organization;
  guint            source_year;
  guint            kinds;          /* bits of JhSectionKind; 0 = all */

  GPtrArray       *patterns;       /* JhPattern */
  GPtrArray       *exceptions;     /* JhPattern */
  GArray          *pairs;          /* JhPair */
  GPtrArray       *markers;        /* JhMarker */
  GPtrArray       *topics;         /* JhPattern */
  GPtrArray       *quantities;     /* JhPattern */
  GPtrArray       *requires;       /* JhPattern */
  gboolean         require_section;
  JhRuleCondition  condition;
  JhYearsFlag      years;
  double           threshold;
  guint            min_length;

  GPtrArray       *fixes;          /* JhFixTemplate */
  GPtrArray       *examples;       /* JhRuleExample */

  char            *display_name;   /* the library file, for messages */
  long             line;
  JhLibrary       *library;        /* weak */
};

JhRule *_jh_rule_read        (xmlNode     *node,
                              const char  *display_name,
                              GError     **error);
void    _jh_rule_set_library (JhRule      *self,
                              JhLibrary   *library);
char   *_jh_rule_format      (JhRule      *self,
                              gboolean     english,
                              GHashTable  *variables);
gboolean _jh_prefer_english  (void);

G_END_DECLS
