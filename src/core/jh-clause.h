/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jh-clause-source.h"
#include "jh-plan.h"
#include "jh-types.h"

G_BEGIN_DECLS

/**
 * JhClauseStatus:
 * @JH_CLAUSE_STATUS_CURRENT: current wording, to be reused
 * @JH_CLAUSE_STATUS_SUPERSEDED: replaced by another clause (its
 *   superseded-by), which plans should use instead
 * @JH_CLAUSE_STATUS_HISTORICAL: of a past campaign or period, kept for
 *   reference and so that the checks recognise it
 *
 * The nicks ("current", "superseded", "historical") are the names used
 * in library files.
 */
typedef enum
{
  JH_CLAUSE_STATUS_CURRENT,
  JH_CLAUSE_STATUS_SUPERSEDED,
  JH_CLAUSE_STATUS_HISTORICAL,
} JhClauseStatus;

typedef struct _JhLibrary JhLibrary;

#define JH_TYPE_CLAUSE (jh_clause_get_type ())

G_DECLARE_FINAL_TYPE (JhClause, jh_clause, JH, CLAUSE, GObject)

JhClause            *jh_clause_new                     (const char          *id,
                                                        guint                version,
                                                        const char          *title,
                                                        const char          *text);
const char          *jh_clause_get_id                  (JhClause            *self);
guint                jh_clause_get_version             (JhClause            *self);
const char          *jh_clause_get_title               (JhClause            *self);
const char          *jh_clause_get_text                (JhClause            *self);

JhClauseStatus       jh_clause_get_status              (JhClause            *self);
void                 jh_clause_set_status              (JhClause            *self,
                                                        JhClauseStatus       status);
guint                jh_clause_get_year                (JhClause            *self);
void                 jh_clause_set_year                (JhClause            *self,
                                                        guint                year);
const char          *jh_clause_get_superseded_by       (JhClause            *self);
void                 jh_clause_set_superseded_by       (JhClause            *self,
                                                        const char          *clause_id);
gboolean             jh_clause_has_kind                (JhClause            *self,
                                                        JhSectionKind        kind);
const JhSectionKind *jh_clause_get_kinds               (JhClause            *self,
                                                        guint               *n_kinds);
void                 jh_clause_add_kind                (JhClause            *self,
                                                        JhSectionKind        kind);
const char * const  *jh_clause_get_tags                (JhClause            *self);
void                 jh_clause_set_tags                (JhClause            *self,
                                                        const char * const  *tags);
const char          *jh_clause_get_source_document     (JhClause            *self);
const char          *jh_clause_get_source_organization (JhClause            *self);
guint                jh_clause_get_source_year         (JhClause            *self);
void                 jh_clause_set_source              (JhClause            *self,
                                                        const char          *document,
                                                        const char          *organization,
                                                        guint                year);
GPtrArray           *jh_clause_get_sources             (JhClause            *self);
void                 jh_clause_add_source              (JhClause            *self,
                                                        const JhClauseSource *source);
const char          *jh_clause_get_notes               (JhClause            *self);
void                 jh_clause_set_notes               (JhClause            *self,
                                                        const char          *notes);
JhLibrary           *jh_clause_get_library             (JhClause            *self);

char                *jh_clause_expand                  (JhClause            *self,
                                                        JhPlan              *plan);
char                *jh_text_expand_variables          (const char          *text,
                                                        JhPlan              *plan);
char                *jh_text_make_variables            (const char          *text,
                                                        JhPlan              *plan);

JhClause            *jh_clause_new_user                (const char          *text,
                                                        JhPlan              *plan,
                                                        JhSectionKind        kind,
                                                        const char * const  *tags);
JhClause            *jh_clause_new_from_paragraph      (JhParagraph         *paragraph,
                                                        const char * const  *tags);
JhClause            *jh_clause_new_from_task           (JhTask              *task,
                                                        const char * const  *tags);
JhClause            *jh_clause_new_revision            (JhClause            *self,
                                                        const char          *title,
                                                        const char          *text);

GStrv                jh_tags_parse                     (const char          *text);
char                *jh_tags_to_string                 (const char * const  *tags);

const char          *jh_clause_status_to_nick          (JhClauseStatus       status);
gboolean             jh_clause_status_from_nick        (const char          *nick,
                                                        JhClauseStatus      *status);

G_END_DECLS
