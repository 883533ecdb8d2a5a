/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jihua.h"

/* Any bytes given to the importer (text in any encoding, ODT, DOCX, or
 * an archive built to harm) are refused with an error of the importer,
 * of the file reader or of the XML parser, or give documents whose plans
 * save and read back.
 */
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static JhImporter *importer;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(JhImportResult) result = NULL;

  if (importer == NULL)
    {
      importer = jh_importer_new ();
      jh_importer_set_default_year (importer, 2027);
    }

  result = jh_importer_import_bytes (importer, bytes, "fuzz.txt", NULL, &error);
  if (result == NULL)
    {
      g_assert (error != NULL);
      g_assert (error->domain == JH_IMPORT_ERROR || error->domain == JH_FILE_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_cmpuint (jh_import_result_get_n_documents (result), >, 0);

  for (guint i = 0; i < jh_import_result_get_n_documents (result); i++)
    {
      JhImportDocument *document = jh_import_result_get_document (result, i);
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(JhPlan) again = NULL;
      g_autofree char *text = jh_import_document_dup_text (document);

      g_assert (g_utf8_validate (text, -1, NULL));
      g_assert_cmpuint (jh_import_document_get_first_line (document), <=,
                        jh_import_document_get_last_line (document));

      saved = jh_plan_serialize (jh_import_document_get_plan (document), &error);
      g_assert_no_error (error);
      again = jh_plan_load_from_bytes (saved, "imported.jhplan", &error);
      g_assert_no_error (error);
    }

  return 0;
}
