/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jh-import-result.h"
#include "jh-library.h"

G_BEGIN_DECLS

/* Paragraphs shorter than this (in letters and digits) are headings,
 * signatures and dates, not clauses.
 */
#define JH_HARVEST_MIN_LENGTH 20

/* Two paragraphs this similar (Jaccard of character trigrams) are one
 * clause: the same wording with a year, a name or a word changed.
 */
#define JH_HARVEST_SAME_CLAUSE 0.7

#define JH_TYPE_HARVEST_REPORT (jh_harvest_report_get_type ())

/**
 * JhHarvestReport:
 * @file: the name of the file harvested
 * @n_documents: documents found in it
 * @n_harvested_documents: those harvested: plans (summaries and rules
 *   report what was done, they are not wordings for next year)
 * @n_paragraphs: paragraphs of the harvested documents
 * @n_added: paragraphs that became new clauses
 * @n_merged: paragraphs found in the library already, from another
 *   document: the clause got one more source
 * @n_known: paragraphs found in the library already, from this very
 *   document (the same plan in another file or format)
 * @n_skipped: paragraphs too short to be a clause
 * @n_dropped: lines the import left out as web noise
 * @error: (nullable): why the file could not be read
 *
 * What harvesting one file did.
 */
typedef struct
{
  char   *file;
  guint   n_documents;
  guint   n_harvested_documents;
  guint   n_paragraphs;
  guint   n_added;
  guint   n_merged;
  guint   n_known;
  guint   n_skipped;
  guint   n_dropped;
  GError *error;
} JhHarvestReport;

GType            jh_harvest_report_get_type (void) G_GNUC_CONST;
JhHarvestReport *jh_harvest_report_copy     (const JhHarvestReport *report);
void             jh_harvest_report_free     (JhHarvestReport       *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JhHarvestReport, jh_harvest_report_free)

#define JH_TYPE_HARVESTER (jh_harvester_get_type ())

G_DECLARE_FINAL_TYPE (JhHarvester, jh_harvester, JH, HARVESTER, GObject)

JhHarvester     *jh_harvester_new            (JhLibrary       *library);
JhLibrary       *jh_harvester_get_library    (JhHarvester     *self);
JhHarvestReport *jh_harvester_add_result     (JhHarvester     *self,
                                              JhImportResult  *result);
JhLibrary       *jh_harvest_open_library     (GFile           *file,
                                              GCancellable    *cancellable,
                                              GError         **error);
void             jh_harvest_results_async    (GFile           *library_file,
                                              GPtrArray       *results,
                                              GCancellable    *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer         user_data);
GPtrArray       *jh_harvest_results_finish   (GAsyncResult    *result,
                                              GError         **error);
char            *jh_harvest_generalize       (const char      *text,
                                              const char      *organization,
                                              guint            year);

G_END_DECLS
