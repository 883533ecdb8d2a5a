/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jh-checker.h"
#include "jh-finding.h"

G_BEGIN_DECLS

/**
 * JhIgnoredFinding:
 *
 * A finding the user chose to ignore, as it can be saved: the rule's id,
 * the location key (jh_finding_dup_location_key()) and the flagged text.
 * Immutable and reference counted.
 */
typedef struct _JhIgnoredFinding JhIgnoredFinding;

#define JH_TYPE_IGNORED_FINDING (jh_ignored_finding_get_type ())

GType             jh_ignored_finding_get_type     (void) G_GNUC_CONST;
JhIgnoredFinding *jh_ignored_finding_new          (const char       *rule_id,
                                                   const char       *location,
                                                   const char       *text);
JhIgnoredFinding *jh_ignored_finding_new_for      (JhFinding        *finding);
JhIgnoredFinding *jh_ignored_finding_ref          (JhIgnoredFinding *self);
void              jh_ignored_finding_unref        (JhIgnoredFinding *self);
const char       *jh_ignored_finding_get_rule_id  (JhIgnoredFinding *self);
const char       *jh_ignored_finding_get_location (JhIgnoredFinding *self);
const char       *jh_ignored_finding_get_text     (JhIgnoredFinding *self);
gboolean          jh_ignored_finding_matches      (JhIgnoredFinding *self,
                                                   JhFinding        *finding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JhIgnoredFinding, jh_ignored_finding_unref)

#define JH_TYPE_REPORT (jh_report_get_type ())

G_DECLARE_FINAL_TYPE (JhReport, jh_report, JH, REPORT, GObject)

JhReport   *jh_report_new                   (JhChecker        *checker,
                                             JhPlan           *plan);
JhChecker  *jh_report_get_checker           (JhReport         *self);
JhPlan     *jh_report_get_plan              (JhReport         *self);
void        jh_report_refresh               (JhReport         *self);
void        jh_report_recheck               (JhReport         *self,
                                             JhNode           *node);
guint       jh_report_count                 (JhReport         *self,
                                             JhSeverity        severity);
GPtrArray  *jh_report_dup_findings_for_node (JhReport         *self,
                                             JhNode           *node);
void        jh_report_ignore                (JhReport         *self,
                                             JhFinding        *finding);
void        jh_report_add_ignored           (JhReport         *self,
                                             JhIgnoredFinding *ignored);
gboolean    jh_report_remove_ignored        (JhReport         *self,
                                             JhIgnoredFinding *ignored);
GPtrArray  *jh_report_get_ignored           (JhReport         *self);

G_END_DECLS
