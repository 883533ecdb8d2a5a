/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jh-plan.h"

G_BEGIN_DECLS

#define JH_TYPE_DRAFT_INFO (jh_draft_info_get_type ())

/**
 * JhDraftInfo:
 *
 * What is known of a draft without reading it: enough to offer it for
 * recovery.  Immutable and reference counted.
 */
typedef struct _JhDraftInfo JhDraftInfo;

GType        jh_draft_info_get_type     (void) G_GNUC_CONST;
JhDraftInfo *jh_draft_info_ref          (JhDraftInfo *self);
void         jh_draft_info_unref        (JhDraftInfo *self);
const char  *jh_draft_info_get_id       (JhDraftInfo *self);
const char  *jh_draft_info_get_title    (JhDraftInfo *self);
GFile       *jh_draft_info_get_file     (JhDraftInfo *self);
GDateTime   *jh_draft_info_get_saved_at (JhDraftInfo *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JhDraftInfo, jh_draft_info_unref)

#define JH_TYPE_DRAFTS (jh_drafts_get_type ())

G_DECLARE_FINAL_TYPE (JhDrafts, jh_drafts, JH, DRAFTS, GObject)

JhDrafts    *jh_drafts_new         (GFile                *directory);
GFile       *jh_drafts_get_directory (JhDrafts           *self);
char        *jh_drafts_new_id      (void);
gboolean     jh_drafts_save        (JhDrafts             *self,
                                    const char           *id,
                                    JhPlan               *plan,
                                    GFile                *file,
                                    GCancellable         *cancellable,
                                    GError              **error);
void         jh_drafts_save_async  (JhDrafts             *self,
                                    const char           *id,
                                    JhPlan               *plan,
                                    GFile                *file,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean     jh_drafts_save_finish (JhDrafts             *self,
                                    GAsyncResult         *result,
                                    GError              **error);
GPtrArray   *jh_drafts_list        (JhDrafts             *self,
                                    GCancellable         *cancellable,
                                    GError              **error);
JhPlan      *jh_drafts_load        (JhDrafts             *self,
                                    const char           *id,
                                    GCancellable         *cancellable,
                                    GError              **error);
gboolean     jh_drafts_discard     (JhDrafts             *self,
                                    const char           *id,
                                    GError              **error);

G_END_DECLS
