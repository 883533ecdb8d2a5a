/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"

G_BEGIN_DECLS

#define JH_TYPE_HARVEST_DIALOG (jh_harvest_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JhHarvestDialog, jh_harvest_dialog, JH, HARVEST_DIALOG, AdwWindow)

JhHarvestDialog *jh_harvest_dialog_new                 (GtkWindow       *parent,
                                                        GFile           *folder,
                                                        GFile           *library_file);
void             jh_harvest_dialog_start               (JhHarvestDialog *self);
void             jh_harvest_dialog_cancel              (JhHarvestDialog *self);
gboolean         jh_harvest_dialog_is_running          (JhHarvestDialog *self);
GPtrArray       *jh_harvest_dialog_get_reports         (JhHarvestDialog *self);
const GError    *jh_harvest_dialog_get_error           (JhHarvestDialog *self);

G_END_DECLS
