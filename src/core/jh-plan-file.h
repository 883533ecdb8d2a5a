/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jh-plan.h"
#include "jh-xml.h"

G_BEGIN_DECLS

#define JH_PLAN_NAMESPACE      "http://jihua.github.io/ns/plan"
#define JH_PLAN_FORMAT_VERSION "1"
#define JH_PLAN_MIME_TYPE      "application/x-jihua-plan+xml"
#define JH_PLAN_FILE_SUFFIX    ".jhplan"

JhPlan  *jh_plan_load_from_bytes       (GBytes               *bytes,
                                        const char           *display_name,
                                        GError              **error);
JhPlan  *jh_plan_load_from_file        (GFile                *file,
                                        GCancellable         *cancellable,
                                        GError              **error);
void     jh_plan_load_from_file_async  (GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
JhPlan  *jh_plan_load_from_file_finish (GAsyncResult         *result,
                                        GError              **error);
JhPlan  *jh_plan_new_sample            (void);

GBytes  *jh_plan_serialize             (JhPlan               *plan,
                                        GError              **error);
gboolean jh_plan_save_to_file          (JhPlan               *plan,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GError              **error);
void     jh_plan_save_to_file_async    (JhPlan               *plan,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean jh_plan_save_to_file_finish   (GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
