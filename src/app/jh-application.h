/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"

G_BEGIN_DECLS

#define JH_TYPE_APPLICATION (jh_application_get_type ())

G_DECLARE_FINAL_TYPE (JhApplication, jh_application, JH, APPLICATION, AdwApplication)

/**
 * JhDerivedKind:
 * @JH_DERIVED_NEXT_YEAR: next year's plan, carried over
 * @JH_DERIVED_SUMMARY: the year's summary (工作总结)
 *
 * What a new document is made from a plan as.
 */
typedef enum
{
  JH_DERIVED_NEXT_YEAR,
  JH_DERIVED_SUMMARY,
} JhDerivedKind;

JhApplication *jh_application_new            (GApplicationFlags  flags);
guint          jh_application_restore_drafts (JhApplication     *self);
GSettings     *jh_application_get_settings   (JhApplication     *self);
JhLibrarySet  *jh_application_get_libraries  (JhApplication     *self);
void           jh_application_new_derived    (JhApplication     *self,
                                              GFile             *file,
                                              JhDerivedKind      kind);

G_END_DECLS
