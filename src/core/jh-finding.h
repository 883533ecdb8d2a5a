/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jh-clause.h"
#include "jh-clause-index.h"
#include "jh-plan.h"
#include "jh-rule.h"

G_BEGIN_DECLS

/**
 * JhFindingField:
 * @JH_FINDING_FIELD_PLAN: the plan as a whole (a missing section)
 * @JH_FINDING_FIELD_TITLE: the plan's title
 * @JH_FINDING_FIELD_ORGANIZATION: the plan's organization
 * @JH_FINDING_FIELD_SIGNOFF: the organization of the sign-off
 * @JH_FINDING_FIELD_SECTION: a section as a whole (content it lacks)
 * @JH_FINDING_FIELD_SECTION_TITLE: a section's title
 * @JH_FINDING_FIELD_LEAD: a task's lead sentence
 * @JH_FINDING_FIELD_OWNER: a task's owner
 * @JH_FINDING_FIELD_PARTICIPANTS: a task's participants
 * @JH_FINDING_FIELD_TIMING: a task's timing
 * @JH_FINDING_FIELD_PARAGRAPH: a paragraph
 *
 * Which text of the plan a finding is in; the offsets count in it.  The
 * nicks are used in locations and JSON.
 */
typedef enum
{
  JH_FINDING_FIELD_PLAN,
  JH_FINDING_FIELD_TITLE,
  JH_FINDING_FIELD_ORGANIZATION,
  JH_FINDING_FIELD_SIGNOFF,
  JH_FINDING_FIELD_SECTION,
  JH_FINDING_FIELD_SECTION_TITLE,
  JH_FINDING_FIELD_LEAD,
  JH_FINDING_FIELD_OWNER,
  JH_FINDING_FIELD_PARTICIPANTS,
  JH_FINDING_FIELD_TIMING,
  JH_FINDING_FIELD_PARAGRAPH,
} JhFindingField;

/**
 * JhFixKind:
 * @JH_FIX_KIND_REPLACE: replace the flagged text
 * @JH_FIX_KIND_CLAUSE: use a clause: it replaces a flagged paragraph, or
 *   is added to the flagged section (or as a new section of the plan)
 */
typedef enum
{
  JH_FIX_KIND_REPLACE,
  JH_FIX_KIND_CLAUSE,
} JhFixKind;

/**
 * JhFix:
 *
 * One thing the user may do about a finding.  Immutable and reference
 * counted.
 */
typedef struct _JhFix JhFix;

#define JH_TYPE_FIX (jh_fix_get_type ())

GType       jh_fix_get_type        (void) G_GNUC_CONST;
JhFix      *jh_fix_new_replace     (const char *replacement);
JhFix      *jh_fix_new_clause      (const char *clause_id,
                                    JhClause   *clause);
JhFix      *jh_fix_ref             (JhFix      *self);
void        jh_fix_unref           (JhFix      *self);
JhFixKind   jh_fix_get_kind        (JhFix      *self);
const char *jh_fix_get_replacement (JhFix      *self);
const char *jh_fix_get_clause_id   (JhFix      *self);
JhClause   *jh_fix_get_clause      (JhFix      *self);
char       *jh_fix_dup_label       (JhFix      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JhFix, jh_fix_unref)

#define JH_TYPE_FINDING (jh_finding_get_type ())

G_DECLARE_FINAL_TYPE (JhFinding, jh_finding, JH, FINDING, GObject)

JhRule         *jh_finding_get_rule            (JhFinding   *self);
const char     *jh_finding_get_rule_id         (JhFinding   *self);
JhRuleCategory  jh_finding_get_category        (JhFinding   *self);
JhSeverity      jh_finding_get_severity        (JhFinding   *self);
const char     *jh_finding_get_message         (JhFinding   *self);
const char     *jh_finding_get_text            (JhFinding   *self);
const char     *jh_finding_get_context         (JhFinding   *self);
JhFindingField  jh_finding_get_field           (JhFinding   *self);
JhNode         *jh_finding_get_node            (JhFinding   *self);
JhSection      *jh_finding_get_section         (JhFinding   *self);
int             jh_finding_get_section_index   (JhFinding   *self);
JhSectionKind   jh_finding_get_section_kind    (JhFinding   *self);
const char     *jh_finding_get_section_title   (JhFinding   *self);
JhTask         *jh_finding_get_task            (JhFinding   *self);
const char     *jh_finding_get_task_path       (JhFinding   *self);
int             jh_finding_get_paragraph_index (JhFinding   *self);
glong           jh_finding_get_char_offset     (JhFinding   *self);
glong           jh_finding_get_char_length     (JhFinding   *self);
GPtrArray      *jh_finding_get_fixes           (JhFinding   *self);
char           *jh_finding_dup_location        (JhFinding   *self);
char           *jh_finding_dup_location_key    (JhFinding   *self);
gboolean        jh_finding_apply_fix           (JhFinding   *self,
                                                JhFix       *fix,
                                                GError     **error);
JhPlan         *jh_finding_get_plan            (JhFinding   *self);
gboolean        jh_finding_ignore              (JhFinding   *self);
gboolean        jh_finding_unignore            (JhFinding   *self);
gboolean        jh_finding_is_ignored          (JhFinding   *self);
GPtrArray      *jh_finding_dup_diff            (JhFinding   *self);

const char     *jh_finding_field_to_nick       (JhFindingField field);

G_END_DECLS
