/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jh-node.h"
#include "jh-section.h"
#include "jh-types.h"

G_BEGIN_DECLS

#define JH_TYPE_PLAN (jh_plan_get_type ())

G_DECLARE_FINAL_TYPE (JhPlan, jh_plan, JH, PLAN, JhNode)

#define JH_PLAN_MIN_YEAR 1949
#define JH_PLAN_MAX_YEAR 2200

JhPlan         *jh_plan_new                      (guint           year);

JhDocumentKind  jh_plan_get_kind                 (JhPlan         *self);
void            jh_plan_set_kind                 (JhPlan         *self,
                                                  JhDocumentKind  kind);
const char     *jh_plan_get_title                (JhPlan         *self);
void            jh_plan_set_title                (JhPlan         *self,
                                                  const char     *title);
const char     *jh_plan_get_organization         (JhPlan         *self);
void            jh_plan_set_organization         (JhPlan         *self,
                                                  const char     *organization);
guint           jh_plan_get_year                 (JhPlan         *self);
void            jh_plan_set_year                 (JhPlan         *self,
                                                  guint           year);
const char     *jh_plan_get_drafter              (JhPlan         *self);
void            jh_plan_set_drafter              (JhPlan         *self,
                                                  const char     *drafter);
JhPlanStatus    jh_plan_get_status               (JhPlan         *self);
void            jh_plan_set_status               (JhPlan         *self,
                                                  JhPlanStatus    status);
const char     *jh_plan_get_document_number      (JhPlan         *self);
void            jh_plan_set_document_number      (JhPlan         *self,
                                                  const char     *document_number);
const GDate    *jh_plan_get_date                 (JhPlan         *self);
void            jh_plan_set_date                 (JhPlan         *self,
                                                  const GDate    *date);
const char     *jh_plan_get_signoff_organization (JhPlan         *self);
void            jh_plan_set_signoff_organization (JhPlan         *self,
                                                  const char     *organization);
const GDate    *jh_plan_get_signoff_date         (JhPlan         *self);
void            jh_plan_set_signoff_date         (JhPlan         *self,
                                                  const GDate    *date);

GListModel     *jh_plan_get_sections             (JhPlan         *self);
void            jh_plan_insert_section           (JhPlan         *self,
                                                  int             position,
                                                  JhSection      *section);
gboolean        jh_plan_remove_section           (JhPlan         *self,
                                                  JhSection      *section);
gboolean        jh_plan_move_section             (JhPlan         *self,
                                                  JhSection      *section,
                                                  guint           position);
JhSection      *jh_plan_find_section             (JhPlan         *self,
                                                  JhSectionKind   kind);
guint           jh_plan_count_tasks              (JhPlan         *self);
GStrv           jh_plan_dup_owners               (JhPlan         *self);
gboolean        jh_plan_ignore_finding           (JhPlan         *self,
                                                  const char     *rule,
                                                  const char     *path,
                                                  const char     *text);
gboolean        jh_plan_unignore_finding         (JhPlan         *self,
                                                  const char     *rule,
                                                  const char     *path,
                                                  const char     *text);
gboolean        jh_plan_is_finding_ignored       (JhPlan         *self,
                                                  const char     *rule,
                                                  const char     *path,
                                                  const char     *text);
guint           jh_plan_get_n_ignored_findings   (JhPlan         *self);
gboolean        jh_plan_get_ignored_finding      (JhPlan         *self,
                                                  guint           position,
                                                  const char    **rule,
                                                  const char    **path,
                                                  const char    **text);

char           *jh_format_date                   (const GDate    *date);

G_END_DECLS
