<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_US">
<context>
    <name>About</name>
    <message>
        <source>Rate your care-coordination skills, see where you stand against the next career stage, walk the ten steps into the role and plan what to learn next.</source>
        <translation>Evalúe sus habilidades de coordinación de atención, vea en qué punto está frente a la siguiente etapa profesional, recorra los diez pasos hacia el puesto y planifique qué aprender a continuación.</translation>
    </message>
    <message>
        <source>Your record stays on this computer; CarePath never goes online.</source>
        <translation>Sus datos se quedan en esta computadora; CarePath nunca se conecta a internet.</translation>
    </message>
    <message>
        <source>Data file: %1</source>
        <translation>Archivo de datos: %1</translation>
    </message>
    <message>
        <source>About CarePath</source>
        <translation>Acerca de CarePath</translation>
    </message>
</context>
<context>
    <name>AssessPage</name>
    <message>
        <source>S&amp;kills</source>
        <translation>&amp;Habilidades</translation>
    </message>
    <message>
        <source>Skills to rate</source>
        <translation>Habilidades que evaluar</translation>
    </message>
    <message>
        <source>Scroll the skills</source>
        <translation>Desplazar las habilidades</translation>
    </message>
    <message>
        <source>Your level</source>
        <translation>Su nivel</translation>
    </message>
    <message>
        <source>&amp;0  Not rated yet</source>
        <translation>&amp;0  Sin evaluar</translation>
    </message>
    <message>
        <source>Not rated yet</source>
        <translation>Sin evaluar</translation>
    </message>
    <message>
        <source>Left out of averages and gaps until you rate it; never counted as zero</source>
        <translation>Queda fuera de los promedios y las brechas hasta que la evalúe; nunca cuenta como cero</translation>
    </message>
    <message>
        <source>Scroll the level descriptions</source>
        <translation>Desplazar las descripciones de los niveles</translation>
    </message>
    <message>
        <source>Evidence &amp;note for this skill:</source>
        <translation>&amp;Nota de evidencia para esta habilidad:</translation>
    </message>
    <message>
        <source>Evidence note for this skill</source>
        <translation>Nota de evidencia para esta habilidad</translation>
    </message>
    <message>
        <source>What you did that shows this level, e.g. “led the discharge meeting for …”</source>
        <translation>Lo que hizo que demuestra este nivel; p. ej., «dirigí la reunión de alta de…»</translation>
    </message>
    <message>
        <source>Draft radar chart</source>
        <translation>Gráfico radial del borrador</translation>
    </message>
    <message>
        <source>&amp;General note for this assessment:</source>
        <translation>Nota gene&amp;ral de esta evaluación:</translation>
    </message>
    <message>
        <source>General note for this assessment</source>
        <translation>Nota general de esta evaluación</translation>
    </message>
    <message>
        <source>Optional: what this month was like</source>
        <translation>Opcional: cómo le fue este mes</translation>
    </message>
    <message>
        <source>&amp;Save assessment</source>
        <translation>&amp;Guardar evaluación</translation>
    </message>
    <message>
        <source>Save assessment</source>
        <translation>Guardar evaluación</translation>
    </message>
    <message>
        <source>Save this assessment (Ctrl+S)</source>
        <translation>Guardar esta evaluación (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Descartar cambios</translation>
    </message>
    <message>
        <source>Discard changes to this assessment</source>
        <translation>Descartar los cambios de esta evaluación</translation>
    </message>
    <message>
        <source>Assessment not saved</source>
        <translation>No se guardó la evaluación</translation>
    </message>
    <message>
        <source>Nothing to save yet</source>
        <translation>Todavía no hay nada que guardar</translation>
    </message>
    <message>
        <source>Nothing is rated yet: choose a level for at least one skill, then save.</source>
        <translation>Todavía no hay nada calificado: elija un nivel para al menos una habilidad y luego guarde.</translation>
    </message>
    <message>
        <source>Nothing has changed</source>
        <translation>No ha cambiado nada</translation>
    </message>
    <message>
        <source>Every rating and note is the same as in your assessment of %1. Save them again as a new assessment, to record that you reassessed today?</source>
        <translation>Todas las calificaciones y notas son iguales a las de su evaluación del %1. ¿Desea guardarlas de nuevo como una evaluación nueva, para dejar constancia de que se reevaluó hoy?</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>¿Descartar los cambios?</translation>
    </message>
    <message>
        <source>Forget the ratings and notes you changed in this assessment?</source>
        <translation>¿Olvidar las calificaciones y notas que cambió en esta evaluación?</translation>
    </message>
    <message>
        <source>Your first assessment</source>
        <translation>Su primera evaluación</translation>
    </message>
    <message>
        <source>Rate each skill honestly; leave one “not rated yet” if unsure.</source>
        <translation>Evalúe cada habilidad con honestidad; si tiene dudas, déjela «sin evaluar todavía».</translation>
    </message>
    <message>
        <source>New assessment</source>
        <translation>Nueva evaluación</translation>
    </message>
    <message>
        <source>Starts from your ratings and evidence of %1; change what has changed.</source>
        <translation>Parte de sus calificaciones y evidencias del %1; cambie lo que haya cambiado.</translation>
    </message>
    <message>
        <source>Evidence, for example: %1</source>
        <translation>Evidencia, por ejemplo: %1</translation>
    </message>
    <message>
        <source>For example: %1</source>
        <translation>Por ejemplo: %1</translation>
    </message>
    <message>
        <source>Radar of this assessment: nothing rated yet.</source>
        <translation>Radar de esta evaluación: todavía no hay nada calificado.</translation>
    </message>
    <message>
        <source>Radar of this assessment: %1 of %2 skills rated, average %3 against a target average of %4.</source>
        <translation>Radar de esta evaluación: %1 de %2 habilidades calificadas, promedio %3 frente a un promedio objetivo de %4.</translation>
    </message>
    <message>
        <source>Target stage: %1.</source>
        <translation>Etapa objetivo: %1.</translation>
    </message>
    <message>
        <source>%1 — changed</source>
        <translation>%1 — cambiado</translation>
    </message>
    <message>
        <source>%1 of %2 skills rated</source>
        <translation>%1 de %2 habilidades evaluadas</translation>
    </message>
    <message>
        <source>%1 of %2 skills rated · %3 changed</source>
        <translation>%1 de %2 habilidades evaluadas · %3 cambiadas</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Evaluación recibida</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>Nothing rated yet</source>
        <translation>Nada evaluado todavía</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>Habilidad</translation>
    </message>
    <message>
        <source>This assessment</source>
        <translation>Esta evaluación</translation>
    </message>
</context>
<context>
    <name>AssessmentViewDialog</name>
    <message>
        <source>Assessment of %1</source>
        <translation>Evaluación del %1</translation>
    </message>
    <message>
        <source>No skill was rated.</source>
        <translation>No se evaluó ninguna habilidad.</translation>
    </message>
    <message>
        <source>Average level %1 over %2 of %3 rated skills.</source>
        <translation>Nivel promedio %1 en %2 de %3 habilidades evaluadas.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>Habilidad</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <source>Ratings and evidence</source>
        <translation>Calificaciones y evidencia</translation>
    </message>
    <message>
        <source>Not rated yet</source>
        <translation>Sin evaluar</translation>
    </message>
</context>
<context>
    <name>ChartCanvas</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>Dibujo SVG (*.svg)</translation>
    </message>
    <message>
        <source>Show as &amp;table</source>
        <translation>Ver como &amp;tabla</translation>
    </message>
    <message>
        <source>Switch between the chart and a table of the same numbers</source>
        <translation>Alternar entre el gráfico y una tabla con los mismos datos</translation>
    </message>
    <message>
        <source>Drawing the chart…</source>
        <translation>Dibujando el gráfico…</translation>
    </message>
    <message>
        <source>Table: %1</source>
        <translation>Tabla: %1</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Guardar gráfico</translation>
    </message>
    <message>
        <source>Chart not saved</source>
        <translation>No se guardó el gráfico</translation>
    </message>
    <message>
        <source>Save chart as &amp;PNG…</source>
        <translation>Guardar gráfico como &amp;PNG…</translation>
    </message>
    <message>
        <source>Save chart as &amp;SVG…</source>
        <translation>Guardar gráfico como &amp;SVG…</translation>
    </message>
    <message>
        <source>Show as &amp;chart</source>
        <translation>Ver como &amp;gráfico</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Its details could not be saved to a file.</source>
        <translation>No se pudieron guardar sus detalles en un archivo.</translation>
    </message>
    <message>
        <source>Its details are in %1; please send that file if it happens again.</source>
        <translation>Los detalles están en %1; envíe ese archivo si vuelve a ocurrir.</translation>
    </message>
    <message>
        <source>CarePath met an unexpected problem, and what you just did may not have finished. Your record is safe: every change is saved when you make it.</source>
        <translation>CarePath encontró un problema inesperado y lo que acaba de hacer puede no haber terminado. Su registro está a salvo: cada cambio se guarda en el momento en que lo hace.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
</context>
<context>
    <name>DataFile</name>
    <message>
        <source>CarePath cannot open your data file</source>
        <translation>CarePath no puede abrir su archivo de datos</translation>
    </message>
    <message>
        <source>“Start fresh” keeps the damaged file beside it under a new name and begins an empty record. Nothing is deleted.</source>
        <translation>«Empezar de cero» conserva el archivo dañado al lado, con otro nombre, y comienza con datos vacíos. No se elimina nada.</translation>
    </message>
    <message>
        <source>&amp;Start fresh</source>
        <translation>&amp;Empezar de cero</translation>
    </message>
    <message>
        <source>Start fresh with an empty record</source>
        <translation>Empezar de cero con datos vacíos</translation>
    </message>
    <message>
        <source>&amp;Restore newest automatic backup</source>
        <translation>&amp;Restaurar la copia automática más reciente</translation>
    </message>
    <message>
        <source>Restore the newest automatic backup</source>
        <translation>Restaurar la copia de seguridad automática más reciente</translation>
    </message>
    <message>
        <source>Install the newer CarePath to use this file, or open another data file.</source>
        <translation>Instale la versión más reciente de CarePath para usar este archivo, o abra otro archivo de datos.</translation>
    </message>
    <message>
        <source>&amp;Open another file…</source>
        <translation>&amp;Abrir otro archivo…</translation>
    </message>
    <message>
        <source>Open another data file</source>
        <translation>Abrir otro archivo de datos</translation>
    </message>
    <message>
        <source>Switch to the CarePath window that is already open, or close it first.</source>
        <translation>Cambie a la ventana de CarePath que ya está abierta o ciérrela primero.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Quit CarePath and leave the file as it is</source>
        <translation>Salir de CarePath y dejar el archivo tal como está</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Keep the current data file open</source>
        <translation>Mantener abierto el archivo de datos actual</translation>
    </message>
    <message>
        <source>Open data file</source>
        <translation>Abrir archivo de datos</translation>
    </message>
    <message>
        <source>CarePath data files (*.json)</source>
        <translation>Archivos de datos de CarePath (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The file could not be moved aside</source>
        <translation>No se pudo apartar el archivo</translation>
    </message>
    <message>
        <source>The backup could not be restored</source>
        <translation>No se pudo restaurar la copia de seguridad</translation>
    </message>
    <message>
        <source>CarePath cannot start</source>
        <translation>CarePath no puede iniciarse</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>The plan could not be exported (%1); please try again, or choose another format.</source>
        <translation>No se pudo exportar el plan (%1); vuelva a intentarlo o elija otro formato.</translation>
    </message>
    <message>
        <source>Export development plan</source>
        <translation>Exportar el plan de desarrollo</translation>
    </message>
    <message>
        <source>A plan to take to a mentor, a manager or an interview: where you stand, your goals and your steps, with the same charts as on screen.</source>
        <translation>Un plan para llevar a un mentor, a su supervisor o a una entrevista: en qué punto está, sus metas y sus pasos, con los mismos gráficos que ve en pantalla.</translation>
    </message>
    <message>
        <source>&amp;PDF document — to print or to send</source>
        <translation>Documento &amp;PDF: para imprimir o enviar</translation>
    </message>
    <message>
        <source>&amp;Web page (HTML) — one file, reads well on a phone</source>
        <translation>Página &amp;web (HTML): un solo archivo, se lee bien en el teléfono</translation>
    </message>
    <message>
        <source>&amp;Markdown — text, with the charts as PNG files beside it</source>
        <translation>&amp;Markdown: texto, con los gráficos como archivos PNG al lado</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>US Letter (8.5 × 11 in)</source>
        <translation>Carta (8.5 × 11 pulg.)</translation>
    </message>
    <message>
        <source>Paper si&amp;ze:</source>
        <translation>&amp;Tamaño del papel:</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Incluir</translation>
    </message>
    <message>
        <source>Always included: your name, the date, your current and target stage.</source>
        <translation>Siempre se incluyen: su nombre, la fecha y sus etapas actual y objetivo.</translation>
    </message>
    <message>
        <source>File to save</source>
        <translation>Archivo que se guardará</translation>
    </message>
    <message>
        <source>Clear the file name</source>
        <translation>Borrar el nombre del archivo</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>E&amp;legir…</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>&amp;Guardar en:</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progreso de la exportación</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Estado de la exportación</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>&amp;Open file</source>
        <translation>&amp;Abrir archivo</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Mostrar en la &amp;carpeta</translation>
    </message>
    <message>
        <source>development-plan</source>
        <translation>plan-de-desarrollo</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Web page (*.html *.htm)</source>
        <translation>Página web (*.html *.htm)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Save the plan as</source>
        <translation>Guardar el plan como</translation>
    </message>
    <message>
        <source>Choose where to save the plan first.</source>
        <translation>Primero elija dónde guardar el plan.</translation>
    </message>
    <message>
        <source>Preparing the plan…</source>
        <translation>Preparando el plan…</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Se guardó {path}</translation>
    </message>
    <message>
        <source>Not exported: {reason}</source>
        <translation>No se exportó: {reason}</translation>
    </message>
    <message>
        <source>Still exporting; this takes a few seconds…</source>
        <translation>Todavía se está exportando; tarda unos segundos…</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>Edit goal</source>
        <translation>Editar meta</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Agregar meta</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>Habilidad</translation>
    </message>
    <message>
        <source>What you want to be able to do</source>
        <translation>Lo que quiere llegar a hacer</translation>
    </message>
    <message>
        <source>Goal (required)</source>
        <translation>Meta (obligatoria)</translation>
    </message>
    <message>
        <source>⚠ A goal needs a title: say in a few words what you want to achieve.</source>
        <translation>⚠ Una meta necesita un título: diga en pocas palabras qué quiere lograr.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>How: the steps you will take, one a line</source>
        <translation>Cómo: las acciones que realizará, una por línea</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Acciones</translation>
    </message>
    <message>
        <source>People, courses, books that will help</source>
        <translation>Personas, cursos y libros que lo/la ayudarán</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <source>D&amp;ue date</source>
        <translation>Fecha &amp;límite</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Sin fecha límite</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>S&amp;kill:</source>
        <translation>&amp;Habilidad:</translation>
    </message>
    <message>
        <source>&amp;Goal (required):</source>
        <translation>&amp;Meta (obligatoria):</translation>
    </message>
    <message>
        <source>&amp;Actions:</source>
        <translation>&amp;Acciones:</translation>
    </message>
    <message>
        <source>&amp;Resources:</source>
        <translation>&amp;Recursos:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>&amp;Estado:</translation>
    </message>
</context>
<context>
    <name>GoalsTableModel</name>
    <message>
        <source>Skill</source>
        <translation>Habilidad</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Acciones</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message numerus="yes">
        <source>(+%n more)</source>
        <translation>
            <numerusform>(+%n más)</numerusform>
            <numerusform>(+%n más)</numerusform>
        </translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Sin fecha</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>con retraso</translation>
    </message>
    <message>
        <source>Overdue: the due date has passed and the goal is not done yet. Set a new date or mark it done.</source>
        <translation>Con retraso: pasó la fecha límite y la meta aún no está cumplida. Fije una nueva fecha o márquela como completada.</translation>
    </message>
    <message>
        <source>Resources:</source>
        <translation>Recursos:</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Saved assessments</source>
        <translation>Evaluaciones guardadas</translation>
    </message>
    <message>
        <source>&amp;Assessments, newest first:</source>
        <translation>Evaluaciones, de la más &amp;reciente a la más antigua:</translation>
    </message>
    <message>
        <source>No assessment yet. Rate your skills on the Assess page to start a history.</source>
        <translation>Todavía no hay evaluaciones. Evalúe sus habilidades en la página Evaluar para empezar un historial.</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>A&amp;brir…</translation>
    </message>
    <message>
        <source>Open the selected assessment</source>
        <translation>Abrir la evaluación seleccionada</translation>
    </message>
    <message>
        <source>Show the assessment read-only (Enter or double-click)</source>
        <translation>Ver la evaluación en modo de solo lectura (Intro o doble clic)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>Delete the selected assessment</source>
        <translation>Eliminar la evaluación seleccionada</translation>
    </message>
    <message>
        <source>Delete the assessment (Delete key; Ctrl+Z undoes)</source>
        <translation>Eliminar la evaluación (tecla Supr; Ctrl+Z la recupera)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Undo the deletion</source>
        <translation>Deshacer la eliminación</translation>
    </message>
    <message>
        <source>Assessments saved: %1, from %2 to %3.</source>
        <translation>Evaluaciones guardadas: %1, del %2 al %3.</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>No se eliminó</translation>
    </message>
    <message>
        <source>Assessment of %1 deleted — Undo (Ctrl+Z)</source>
        <translation>Se eliminó la evaluación del %1 — Deshacer (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Average level</source>
        <translation>Nivel promedio</translation>
    </message>
    <message>
        <source>Skills rated</source>
        <translation>Habilidades evaluadas</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>No skill was rated.</source>
        <translation>No se evaluó ninguna habilidad.</translation>
    </message>
    <message>
        <source>Skills not rated yet are left out of the average.</source>
        <translation>Las habilidades sin evaluar quedan fuera del promedio.</translation>
    </message>
</context>
<context>
    <name>LevelScaleDialog</name>
    <message>
        <source>The level scale</source>
        <translation>La escala de niveles</translation>
    </message>
    <message>
        <source>Not rated yet: the skill is left out of averages, gaps and readiness; it never counts as zero.</source>
        <translation>Sin evaluar todavía: la habilidad queda fuera de los promedios, las brechas y la preparación; nunca cuenta como cero.</translation>
    </message>
    <message>
        <source>The five levels and their meaning</source>
        <translation>Los cinco niveles y su significado</translation>
    </message>
</context>
<context>
    <name>LimitedTextEdit</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 of at most %2 characters used</source>
        <translation>%1 de un máximo de %2 caracteres usados</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sample data: a made-up year of someone else&apos;s record. Nothing you do here touches your own file.</source>
        <translation>Datos de ejemplo: un año inventado de los datos de otra persona. Nada de lo que haga aquí afecta a su propio archivo.</translation>
    </message>
    <message>
        <source>&amp;Leave sample</source>
        <translation>Salir del e&amp;jemplo</translation>
    </message>
    <message>
        <source>Leave the sample data</source>
        <translation>Salir de los datos de ejemplo</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>&amp;New assessment</source>
        <translation>&amp;Nueva evaluación</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Open data file…</source>
        <translation>&amp;Abrir archivo de datos…</translation>
    </message>
    <message>
        <source>&amp;Import backup…</source>
        <translation>&amp;Importar copia de seguridad…</translation>
    </message>
    <message>
        <source>Export &amp;backup…</source>
        <translation>Exportar &amp;copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;Export plan…</source>
        <translation>&amp;Exportar plan…</translation>
    </message>
    <message>
        <source>&amp;Restore automatic backup…</source>
        <translation>&amp;Restaurar copia de seguridad automática…</translation>
    </message>
    <message>
        <source>Ask for a re&amp;view…</source>
        <translation>Pedir una e&amp;valuación…</translation>
    </message>
    <message>
        <source>Import a revie&amp;w…</source>
        <translation>Importar una evaluación reci&amp;bida…</translation>
    </message>
    <message>
        <source>Open a review reques&amp;t…</source>
        <translation>Abrir una solici&amp;tud de evaluación…</translation>
    </message>
    <message>
        <source>S&amp;hare with my manager…</source>
        <translation>Co&amp;mpartir con mi supervisor/a…</translation>
    </message>
    <message>
        <source>Tea&amp;m view…</source>
        <translation>Vista de e&amp;quipo…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>The &amp;level scale</source>
        <translation>La escala de &amp;niveles</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>&amp;About CarePath</source>
        <translation>&amp;Acerca de CarePath</translation>
    </message>
    <message>
        <source>Rate the selected skill (0: not rated yet)</source>
        <translation>Calificar la habilidad seleccionada (0: sin evaluar)</translation>
    </message>
    <message>
        <source>This is not available in this build</source>
        <translation>Esto no está disponible en esta versión</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>Datos de ejemplo</translation>
    </message>
    <message>
        <source>Sample data (temporary, not your record)</source>
        <translation>Datos de ejemplo (temporales, no son sus datos)</translation>
    </message>
    <message>
        <source>Data file: %1</source>
        <translation>Archivo de datos: %1</translation>
    </message>
    <message>
        <source>No assessment yet</source>
        <translation>Todavía no hay evaluaciones</translation>
    </message>
    <message>
        <source>Reassessment overdue since %1</source>
        <translation>Reevaluación pendiente desde el %1</translation>
    </message>
    <message>
        <source>Next reassessment %1</source>
        <translation>Próxima reevaluación: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado a las %1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>The %1 page has changes that are not saved yet. Save them?</source>
        <translation>La página %1 tiene cambios que aún no se han guardado. ¿Desea guardarlos?</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Nothing to save: every other change is saved as you make it.</source>
        <translation>No hay nada que guardar: los demás cambios se guardan a medida que los hace.</translation>
    </message>
    <message>
        <source>Restart CarePath to finish switching language.</source>
        <translation>Reinicie CarePath para terminar de cambiar el idioma.</translation>
    </message>
</context>
<context>
    <name>MemberOverviewDialog</name>
    <message>
        <source>%1 — overview (read-only)</source>
        <translation>%1 — resumen (solo lectura)</translation>
    </message>
    <message>
        <source>Read-only, from %1 (exported %2). Nothing here is saved.</source>
        <translation>Solo lectura, de %1 (exportado el %2). Aquí no se guarda nada.</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Nothing rated yet</source>
        <translation>Nada evaluado todavía</translation>
    </message>
    <message>
        <source>Your first self-assessment takes about ten minutes: fifteen skills, each with five short descriptions to choose from. Then this page shows where you stand.</source>
        <translation>Su primera autoevaluación toma unos diez minutos: quince habilidades, cada una con cinco descripciones breves para elegir. Después, esta página le muestra en qué punto está.</translation>
    </message>
    <message>
        <source>&amp;Start your first assessment</source>
        <translation>&amp;Comenzar su primera evaluación</translation>
    </message>
    <message>
        <source>Start your first assessment</source>
        <translation>Comenzar su primera evaluación</translation>
    </message>
    <message>
        <source>Radar chart: you and your target</source>
        <translation>Gráfico radial: usted y su objetivo</translation>
    </message>
    <message>
        <source>At a glance</source>
        <translation>De un vistazo</translation>
    </message>
    <message>
        <source>Readiness for your target stage</source>
        <translation>Preparación para su etapa objetivo</translation>
    </message>
    <message>
        <source>Readiness:</source>
        <translation>Preparación:</translation>
    </message>
    <message>
        <source>Largest gaps</source>
        <translation>Mayores brechas</translation>
    </message>
    <message>
        <source>Largest gaps to your target</source>
        <translation>Mayores brechas respecto a su objetivo</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Fortalezas</translation>
    </message>
    <message>
        <source>Your strengths</source>
        <translation>Sus fortalezas</translation>
    </message>
    <message>
        <source>&amp;New assessment</source>
        <translation>&amp;Nueva evaluación</translation>
    </message>
    <message>
        <source>Start a new assessment</source>
        <translation>Comenzar una nueva evaluación</translation>
    </message>
    <message>
        <source>Scroll the key figures</source>
        <translation>Desplazar las cifras clave</translation>
    </message>
    <message>
        <source>Where %1 stands</source>
        <translation>En qué punto está %1</translation>
    </message>
    <message>
        <source>Where you stand</source>
        <translation>En qué punto está</translation>
    </message>
    <message>
        <source>Now: %1 (%2).  Aiming for: %3 (%4).</source>
        <translation>Ahora: %1 (%2).  Aspira a: %3 (%4).</translation>
    </message>
    <message>
        <source>%1% of the %2 profile met, over the skills you have rated.</source>
        <translation>Cumple el %1% del perfil de %2, según las habilidades que ha evaluado.</translation>
    </message>
    <message>
        <source>Average level: nothing rated yet</source>
        <translation>Nivel promedio: nada evaluado todavía</translation>
    </message>
    <message>
        <source>Average level: %1 (about %2), over %3 of %4 skills</source>
        <translation>Nivel promedio: %1 (aprox. %2), en %3 de %4 habilidades</translation>
    </message>
    <message>
        <source>Latest assessment: %1</source>
        <translation>Última evaluación: %1</translation>
    </message>
    <message>
        <source>⚠ Reassessment overdue since %1</source>
        <translation>⚠ Reevaluación pendiente desde el %1</translation>
    </message>
    <message>
        <source>Next reassessment due: %1</source>
        <translation>Próxima reevaluación: %1</translation>
    </message>
    <message>
        <source>%1: %2 → %3 (%4 to go)</source>
        <translation>%1: %2 → %3 (%4 por subir)</translation>
    </message>
    <message>
        <source>No gaps: every rated skill meets the target.</source>
        <translation>Sin brechas: todas las habilidades evaluadas alcanzan el objetivo.</translation>
    </message>
    <message>
        <source>%1: %2 (target %3)</source>
        <translation>%1: %2 (objetivo %3)</translation>
    </message>
    <message>
        <source>None at target yet: the plan is for that.</source>
        <translation>Ninguna alcanza el objetivo todavía: para eso está el plan.</translation>
    </message>
    <message>
        <source>Radar of %1 skills: nothing rated yet.</source>
        <translation>Radar de %1 habilidades: todavía no hay nada calificado.</translation>
    </message>
    <message>
        <source>Radar of %1 skills: latest average %2 against a target average of %3; %4</source>
        <translation>Radar de %1 habilidades: último promedio %2 frente a un promedio objetivo de %3; %4</translation>
    </message>
    <message>
        <source>largest gap: %1.</source>
        <translation>mayor brecha: %1.</translation>
    </message>
    <message>
        <source>no gaps to the target.</source>
        <translation>sin brechas respecto al objetivo.</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Objetivo: %1</translation>
    </message>
    <message>
        <source>Latest (%1)</source>
        <translation>Última (%1)</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Not rated yet</source>
        <translation>Sin evaluar</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>Evaluación de %1</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>Habilidad</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Última</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Evaluación recibida</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Assess</source>
        <translation>Evaluar</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Le damos la bienvenida</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Goals tied to your skills: what you will do, by when and how. Every change can be undone with Ctrl+Z.</source>
        <translation>Metas ligadas a sus habilidades: qué hará, para cuándo y cómo. Cualquier cambio se puede deshacer con Ctrl+Z.</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <source>&amp;Goals:</source>
        <translation>&amp;Metas:</translation>
    </message>
    <message>
        <source>No goals yet. Add one, or let CarePath suggest goals for your largest gaps.</source>
        <translation>Todavía no hay metas. Agregue una o deje que CarePath le sugiera metas para sus mayores brechas.</translation>
    </message>
    <message>
        <source>&amp;Add goal…</source>
        <translation>A&amp;gregar meta…</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Agregar meta</translation>
    </message>
    <message>
        <source>Ed&amp;it goal…</source>
        <translation>Edi&amp;tar meta…</translation>
    </message>
    <message>
        <source>Edit goal</source>
        <translation>Editar meta</translation>
    </message>
    <message>
        <source>Edit the selected goal (Enter or double-click)</source>
        <translation>Editar la meta seleccionada (Intro o doble clic)</translation>
    </message>
    <message>
        <source>&amp;Delete goal</source>
        <translation>E&amp;liminar meta</translation>
    </message>
    <message>
        <source>Delete goal</source>
        <translation>Eliminar meta</translation>
    </message>
    <message>
        <source>Delete the selected goal (Delete key; Ctrl+Z undoes)</source>
        <translation>Eliminar la meta seleccionada (tecla Supr; Ctrl+Z la recupera)</translation>
    </message>
    <message>
        <source>&amp;Suggest goals for my largest gaps</source>
        <translation>&amp;Sugerir metas para mis mayores brechas</translation>
    </message>
    <message>
        <source>Suggest goals for my largest gaps</source>
        <translation>Sugerir metas para mis mayores brechas</translation>
    </message>
    <message>
        <source>Propose up to three goals for the skills furthest below your target stage, from each skill&apos;s development actions. Skills with an open goal are skipped.</source>
        <translation>Propone hasta tres metas para las habilidades más alejadas de su etapa objetivo, a partir de las acciones de desarrollo de cada habilidad. Se omiten las habilidades que ya tienen una meta abierta.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Selected goal</source>
        <translation>Meta seleccionada</translation>
    </message>
    <message>
        <source>Scroll the selected goal</source>
        <translation>Desplazar la meta seleccionada</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>sin fecha límite</translation>
    </message>
    <message>
        <source>Skill: %1 · Due: %2 · Status: %3</source>
        <translation>Habilidad: %1 · Fecha límite: %2 · Estado: %3</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>con retraso</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Acciones</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <source>Goal added.</source>
        <translation>Meta agregada.</translation>
    </message>
    <message>
        <source>Goal saved.</source>
        <translation>Meta guardada.</translation>
    </message>
    <message>
        <source>Goal “%1” deleted — Undo (Ctrl+Z)</source>
        <translation>Se eliminó la meta «%1» — Deshacer (Ctrl+Z)</translation>
    </message>
    <message>
        <source>There is no assessment yet: rate your skills first, then CarePath can suggest goals for your largest gaps.</source>
        <translation>Todavía no hay ninguna evaluación: primero evalúe sus habilidades y luego CarePath podrá sugerirle metas para sus mayores brechas.</translation>
    </message>
    <message>
        <source>No new suggestions: every skill below your target stage already has an open goal, or you have reached the target everywhere you rated.</source>
        <translation>No hay sugerencias nuevas: todas las habilidades por debajo de su etapa objetivo ya tienen una meta abierta, o ya alcanzó el objetivo en todo lo que evaluó.</translation>
    </message>
    <message>
        <source>Suggest goals</source>
        <translation>Sugerir metas</translation>
    </message>
    <message>
        <source>Goals suggested for your largest gaps: %1. Edit them to make them yours; Undo (Ctrl+Z) removes them all.</source>
        <translation>Metas sugeridas para sus mayores brechas: %1. Edítelas para hacerlas suyas; Deshacer (Ctrl+Z) las quita todas.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Idioma del sistema (%1)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Menus and page names switch at once; the pages themselves, the skills and the exported plan follow when this dialog closes.</source>
        <translation>Los menús y los nombres de las páginas cambian al instante; las páginas, las habilidades y el plan exportado cambian al cerrar este cuadro de diálogo.</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Igual que el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>The window switches as you choose; Cancel puts the previous theme back.</source>
        <translation>La ventana cambia en cuanto elige; Cancelar restablece el tema anterior.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Days between self-assessments</source>
        <translation>Días entre autoevaluaciones</translation>
    </message>
    <message>
        <source>The status bar and the Overview say when the next self-assessment is due.</source>
        <translation>La barra de estado y el Resumen indican cuándo le toca la próxima autoevaluación.</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>US Letter (8.5 × 11 in)</source>
        <translation>Carta (8.5 × 11 pulg.)</translation>
    </message>
    <message>
        <source>Default paper size for PDF plans</source>
        <translation>Tamaño de papel predeterminado para los planes en PDF</translation>
    </message>
    <message>
        <source>Assessments and plan</source>
        <translation>Evaluaciones y plan</translation>
    </message>
    <message>
        <source>&amp;Reassess every:</source>
        <translation>&amp;Reevaluar cada:</translation>
    </message>
    <message>
        <source>Default &amp;paper size:</source>
        <translation>Tamaño de &amp;papel predeterminado:</translation>
    </message>
    <message>
        <source>Data file location</source>
        <translation>Ubicación del archivo de datos</translation>
    </message>
    <message>
        <source>&amp;Move data file…</source>
        <translation>&amp;Mover el archivo de datos…</translation>
    </message>
    <message>
        <source>Move the data file to another folder</source>
        <translation>Mover el archivo de datos a otra carpeta</translation>
    </message>
    <message>
        <source>Copies your record to the new place, checks the copy, switches to it, and only then removes the old file. Automatic backups move with it.</source>
        <translation>Copia sus datos al nuevo lugar, comprueba la copia, pasa a usarla y solo entonces elimina el archivo anterior. Las copias de seguridad automáticas se mueven con él.</translation>
    </message>
    <message>
        <source>Data file</source>
        <translation>Archivo de datos</translation>
    </message>
    <message>
        <source>&amp;Your record is kept in:</source>
        <translation>&amp;Sus datos se guardan en:</translation>
    </message>
    <message>
        <source>Sample data lives in a temporary folder and cannot be moved.</source>
        <translation>Los datos de ejemplo están en una carpeta temporal y no se pueden mover.</translation>
    </message>
    <message>
        <source>Only you can read the file. Keep it somewhere your own backups reach, such as your Documents folder.</source>
        <translation>Solo usted puede leer el archivo. Guárdelo en un lugar que cubran sus propias copias de seguridad, como la carpeta Documentos.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
    <message>
        <source>Move the data file to</source>
        <translation>Mover el archivo de datos a</translation>
    </message>
    <message>
        <source>CarePath data files (*.json)</source>
        <translation>Archivos de datos de CarePath (*.json)</translation>
    </message>
    <message>
        <source>Data file not moved</source>
        <translation>No se movió el archivo de datos</translation>
    </message>
    <message>
        <source>Your record is now in %1.</source>
        <translation>Sus datos ahora están en %1.</translation>
    </message>
    <message>
        <source>These old files could not be removed: %1</source>
        <translation>No se pudieron eliminar estos archivos anteriores: %1</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>S&amp;kills to show:</source>
        <translation>&amp;Habilidades que mostrar:</translation>
    </message>
    <message>
        <source>Skills to show on the chart</source>
        <translation>Habilidades que se muestran en el gráfico</translation>
    </message>
    <message>
        <source>Average of all rated skills</source>
        <translation>Promedio de habilidades evaluadas</translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation>T&amp;odas</translation>
    </message>
    <message>
        <source>Show all skills</source>
        <translation>Mostrar todas las habilidades</translation>
    </message>
    <message>
        <source>N&amp;one</source>
        <translation>&amp;Ninguna</translation>
    </message>
    <message>
        <source>Show no skills</source>
        <translation>No mostrar ninguna habilidad</translation>
    </message>
    <message>
        <source>Largest &amp;gaps</source>
        <translation>Mayores &amp;brechas</translation>
    </message>
    <message>
        <source>Show the skills with the largest gaps</source>
        <translation>Mostrar las habilidades con las mayores brechas</translation>
    </message>
    <message>
        <source>Most improved</source>
        <translation>Las que más mejoraron</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Requieren atención</translation>
    </message>
    <message>
        <source>Progress chart</source>
        <translation>Gráfico de progreso</translation>
    </message>
    <message>
        <source>Scroll the skill choice</source>
        <translation>Desplazar la selección de habilidades</translation>
    </message>
    <message>
        <source>%1: %2 → %3 (+%4)</source>
        <translation>%1: %2 → %3 (+%4)</translation>
    </message>
    <message>
        <source>Shown after two assessments that rate a skill.</source>
        <translation>Aparece después de dos evaluaciones que califiquen una habilidad.</translation>
    </message>
    <message>
        <source>%1: %2, target %3, not rising yet</source>
        <translation>%1: %2, objetivo %3, todavía sin mejorar</translation>
    </message>
    <message>
        <source>Nothing stuck: every gap is closing.</source>
        <translation>Nada estancado: todas las brechas se están cerrando.</translation>
    </message>
    <message>
        <source>Rate yourself to see what needs attention.</source>
        <translation>Evalúese para ver qué requiere atención.</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Promedio</translation>
    </message>
    <message>
        <source>No assessments yet — rate yourself to start your progress chart.</source>
        <translation>Todavía no hay evaluaciones: evalúese para empezar su gráfico de progreso.</translation>
    </message>
    <message>
        <source>Tick a skill or the average on the left to draw it.</source>
        <translation>Marque una habilidad o el promedio a la izquierda para trazarlo.</translation>
    </message>
    <message>
        <source>Progress chart: no assessments yet.</source>
        <translation>Gráfico de progreso: todavía no hay evaluaciones.</translation>
    </message>
    <message>
        <source>Progress chart: nothing ticked to draw.</source>
        <translation>Gráfico de progreso: no hay nada marcado para dibujar.</translation>
    </message>
    <message>
        <source>the average</source>
        <translation>el promedio</translation>
    </message>
    <message>
        <source>Progress over %1 assessments from %2 to %3, showing %4.</source>
        <translation>Progreso en %1 evaluaciones del %2 al %3; se muestra: %4.</translation>
    </message>
    <message>
        <source>The average went from %1 to %2.</source>
        <translation>El promedio pasó de %1 a %2.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>sin evaluar</translation>
    </message>
</context>
<context>
    <name>ReviewRequestDialog</name>
    <message>
        <source>Ask for a review</source>
        <translation>Pedir una evaluación</translation>
    </message>
    <message>
        <source>CarePath writes one web page to send to a mentor, supervisor or colleague. It works offline in any browser; their answers come back as a small file that you import with File ▸ Import a review…</source>
        <translation>CarePath crea una página web para enviar a su mentor o mentora, supervisor o supervisora, o a un colega. Funciona sin conexión en cualquier navegador; sus respuestas vuelven como un archivo pequeño que usted importa con Archivo ▸ Importar una evaluación recibida…</translation>
    </message>
    <message>
        <source>Your name, as your reviewer knows you</source>
        <translation>Su nombre, tal como lo conoce quien lo evalúa</translation>
    </message>
    <message>
        <source>Optional: filled in for them</source>
        <translation>Opcional: se completa por la otra persona</translation>
    </message>
    <message>
        <source>Reviewer&apos;s name</source>
        <translation>Nombre de quien evalúa</translation>
    </message>
    <message>
        <source>Language of the form</source>
        <translation>Idioma del formulario</translation>
    </message>
    <message>
        <source>Message to your reviewer</source>
        <translation>Mensaje para quien lo evalúa</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>&amp;Su nombre:</translation>
    </message>
    <message>
        <source>&amp;Reviewer&apos;s name:</source>
        <translation>&amp;Nombre de quien evalúa:</translation>
    </message>
    <message>
        <source>&amp;Language of the form:</source>
        <translation>&amp;Idioma del formulario:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Mensaje:</translation>
    </message>
    <message>
        <source>&amp;Write the form…</source>
        <translation>&amp;Crear el formulario…</translation>
    </message>
</context>
<context>
    <name>ReviewerDialog</name>
    <message>
        <source>Review of %1</source>
        <translation>Evaluación de %1</translation>
    </message>
    <message>
        <source>How do you see %1&apos;s skills?</source>
        <translation>¿Cómo ve usted las habilidades de %1?</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>How you know them</source>
        <translation>Cómo conoce a esta persona</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Su &amp;nombre:</translation>
    </message>
    <message>
        <source>&amp;How you know them:</source>
        <translation>&amp;Cómo conoce a esta persona:</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Habilidades</translation>
    </message>
    <message>
        <source>Their level</source>
        <translation>Su nivel según usted</translation>
    </message>
    <message>
        <source>Not observed</source>
        <translation>No observado</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Sin responder</translation>
    </message>
    <message>
        <source>Your &amp;comment on this skill (optional):</source>
        <translation>Su &amp;comentario sobre esta habilidad (opcional):</translation>
    </message>
    <message>
        <source>Your comment on this skill</source>
        <translation>Su comentario sobre esta habilidad</translation>
    </message>
    <message>
        <source>&amp;Save my answers…</source>
        <translation>&amp;Guardar mis respuestas…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>%1 of %2 skills answered</source>
        <translation>%1 de %2 habilidades respondidas</translation>
    </message>
    <message>
        <source>Please write your name before saving.</source>
        <translation>Escriba su nombre antes de guardar.</translation>
    </message>
    <message>
        <source>Save my answers</source>
        <translation>Guardar mis respuestas</translation>
    </message>
    <message>
        <source>Review answers (*.json)</source>
        <translation>Respuestas de evaluación (*.json)</translation>
    </message>
    <message>
        <source>Answers not saved</source>
        <translation>No se guardaron las respuestas</translation>
    </message>
    <message>
        <source>Answers saved</source>
        <translation>Respuestas guardadas</translation>
    </message>
    <message>
        <source>Saved as %1. Send this file back to %2.</source>
        <translation>Guardado como %1. Envíe este archivo a %2.</translation>
    </message>
</context>
<context>
    <name>Reviews</name>
    <message>
        <source>Save the review form</source>
        <translation>Guardar el formulario de evaluación</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>Páginas web (*.html)</translation>
    </message>
    <message>
        <source>Review form not written</source>
        <translation>No se creó el formulario de evaluación</translation>
    </message>
    <message>
        <source>Review form written</source>
        <translation>Formulario de evaluación creado</translation>
    </message>
    <message>
        <source>Send %1 to your reviewer (by e-mail, for example). They open it in any browser, save their answers and send you back a small .json file: import it with File ▸ Import a review…</source>
        <translation>Envíe %1 a quien lo evaluará (por correo electrónico, por ejemplo). Lo abre en cualquier navegador, guarda sus respuestas y le devuelve un archivo .json pequeño: impórtelo con Archivo ▸ Importar una evaluación recibida…</translation>
    </message>
    <message>
        <source>Import a review</source>
        <translation>Importar una evaluación recibida</translation>
    </message>
    <message>
        <source>Review answers (*.json)</source>
        <translation>Respuestas de evaluación (*.json)</translation>
    </message>
    <message>
        <source>Review not imported</source>
        <translation>No se importó la evaluación</translation>
    </message>
    <message>
        <source>Added the review by %1. See it on the Overview.</source>
        <translation>Se agregó la evaluación de %1. Véala en el Resumen.</translation>
    </message>
    <message>
        <source>Replaced the earlier answer by %1 with this newer one.</source>
        <translation>Se reemplazó la respuesta anterior de %1 por esta más reciente.</translation>
    </message>
    <message>
        <source>This review by %1 was already imported; nothing changed.</source>
        <translation>Esta evaluación de %1 ya estaba importada; no cambió nada.</translation>
    </message>
    <message>
        <source>Review imported</source>
        <translation>Evaluación importada</translation>
    </message>
    <message>
        <source>Open a review request</source>
        <translation>Abrir una solicitud de evaluación</translation>
    </message>
    <message>
        <source>Review forms (*.html *.htm)</source>
        <translation>Formularios de evaluación (*.html *.htm)</translation>
    </message>
    <message>
        <source>Review request not opened</source>
        <translation>No se abrió la solicitud de evaluación</translation>
    </message>
    <message>
        <source>mentor</source>
        <translation>mentor o mentora</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor o supervisora</translation>
    </message>
    <message>
        <source>peer</source>
        <translation>colega</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otra relación</translation>
    </message>
    <message>
        <source>%1 (%2), %3</source>
        <translation>%1 (%2), %3</translation>
    </message>
    <message>
        <source>A reviewer</source>
        <translation>Una persona evaluadora</translation>
    </message>
    <message>
        <source>Not observed</source>
        <translation>No observado</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Sin responder</translation>
    </message>
    <message>
        <source>Your reviewer&apos;s view</source>
        <translation>La visión de quien lo evalúa</translation>
    </message>
    <message>
        <source>Where you and your reviewers differ</source>
        <translation>Dónde difiere su visión de la de quienes lo evalúan</translation>
    </message>
    <message>
        <source>Show the latest review on the chart</source>
        <translation>Mostrar la última evaluación recibida en el gráfico</translation>
    </message>
    <message>
        <source>Latest review: %1</source>
        <translation>Última evaluación recibida: %1</translation>
    </message>
    <message>
        <source>▲ %1: your reviewer sees %2, you see %3</source>
        <translation>▲ %1: quien lo evalúa ve %2; usted ve %3</translation>
    </message>
    <message>
        <source>▼ %1: your reviewer sees %2, you see %3</source>
        <translation>▼ %1: quien lo evalúa ve %2; usted ve %3</translation>
    </message>
    <message>
        <source>No skill differs by a level or more: you see it alike.</source>
        <translation>Ninguna habilidad difiere en un nivel o más: ven lo mismo.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Quien evalúa</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relación</translation>
    </message>
    <message>
        <source>Skills rated</source>
        <translation>Habilidades evaluadas</translation>
    </message>
    <message>
        <source>Reviews from others</source>
        <translation>Evaluaciones de otras personas</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 not observed)</source>
        <translation>%1 de %2 (%3 no observadas)</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share with my manager</source>
        <translation>Compartir con mi supervisor/a</translation>
    </message>
    <message>
        <source>A share is a file you give your manager (by e-mail or a shared folder). Their CarePath team view reads it; nothing is sent anywhere by CarePath.</source>
        <translation>Un archivo compartido es un archivo que usted entrega a su supervisor/a (por correo electrónico o en una carpeta compartida). Su vista de equipo de CarePath lo lee; CarePath no envía nada a ninguna parte.</translation>
    </message>
    <message>
        <source>&amp;Include my notes and evidence text</source>
        <translation>&amp;Incluir mis notas y textos de evidencia</translation>
    </message>
    <message>
        <source>&amp;Save share…</source>
        <translation>&amp;Guardar archivo compartido…</translation>
    </message>
    <message>
        <source>Goes to your manager:</source>
        <translation>Se entrega a su supervisor/a:</translation>
    </message>
    <message>
        <source>your name, %1, and your current and target stage</source>
        <translation>su nombre, %1, y sus etapas actual y objetivo</translation>
    </message>
    <message>
        <source>the levels and dates of your %1 assessments</source>
        <translation>los niveles y las fechas de sus %1 evaluaciones</translation>
    </message>
    <message>
        <source>the status and dates of %1 steps</source>
        <translation>el estado y las fechas de %1 pasos</translation>
    </message>
    <message>
        <source>the titles, skills, due dates and status of %1 goals</source>
        <translation>los títulos, habilidades, fechas límite y estado de %1 metas</translation>
    </message>
    <message>
        <source>the levels of %1 reviews</source>
        <translation>los niveles de %1 revisiones</translation>
    </message>
    <message>
        <source>all your notes and evidence text, as you wrote them</source>
        <translation>todas sus notas y textos de evidencia, tal como los escribió</translation>
    </message>
    <message>
        <source>Nothing is left out.</source>
        <translation>No se omite nada.</translation>
    </message>
    <message>
        <source>Left out (private):</source>
        <translation>Se omite (privado):</translation>
    </message>
    <message>
        <source>%1 evidence notes on skills</source>
        <translation>%1 notas de evidencia sobre habilidades</translation>
    </message>
    <message>
        <source>%1 notes on assessments</source>
        <translation>%1 notas sobre evaluaciones</translation>
    </message>
    <message>
        <source>%1 notes on steps</source>
        <translation>%1 notas sobre pasos</translation>
    </message>
    <message>
        <source>the actions and resources of %1 goals</source>
        <translation>las acciones y los recursos de %1 metas</translation>
    </message>
    <message>
        <source>%1 reviewer comments</source>
        <translation>%1 comentarios de quienes revisaron</translation>
    </message>
    <message>
        <source>Save share</source>
        <translation>Guardar archivo compartido</translation>
    </message>
    <message>
        <source>CarePath shares (*.json)</source>
        <translation>Archivos compartidos de CarePath (*.json)</translation>
    </message>
    <message>
        <source>Share not saved</source>
        <translation>No se guardó el archivo compartido</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Every menu command with a key of its own; Alt with an underlined letter opens a menu or presses a button.</source>
        <translation>Cada comando de menú que tiene su propia tecla; Alt con una letra subrayada abre un menú o pulsa un botón.</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Not started</source>
        <translation>Sin iniciar</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planificado</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Descartado</translation>
    </message>
</context>
<context>
    <name>StepsPage</name>
    <message>
        <source>Projected finish</source>
        <translation>Finalización prevista</translation>
    </message>
    <message>
        <source>&amp;Propose target dates</source>
        <translation>&amp;Proponer fechas objetivo</translation>
    </message>
    <message>
        <source>Propose target dates</source>
        <translation>Proponer fechas objetivo</translation>
    </message>
    <message>
        <source>Fill every empty target date from the step&apos;s typical duration, one step after another from today. Dates you set are kept. Undo with Ctrl+Z.</source>
        <translation>Completa cada fecha objetivo vacía según la duración típica del paso, un paso tras otro a partir de hoy. Se conservan las fechas que usted fijó. Se deshace con Ctrl+Z.</translation>
    </message>
    <message>
        <source>Your path</source>
        <translation>Su camino</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>&amp;Steps:</source>
        <translation>Pa&amp;sos:</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Con retraso</translation>
    </message>
    <message>
        <source>Status of the step</source>
        <translation>Estado del paso</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>Estad&amp;o:</translation>
    </message>
    <message>
        <source>Scroll the selected step</source>
        <translation>Desplazar el paso seleccionado</translation>
    </message>
    <message>
        <source>Scroll the selected step sideways</source>
        <translation>Desplazar el paso seleccionado hacia los lados</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Sin fecha</translation>
    </message>
    <message>
        <source>St&amp;art date</source>
        <translation>Fecha de &amp;inicio</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>Tar&amp;get date</source>
        <translation>Fecha ob&amp;jetivo</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Fecha objetivo</translation>
    </message>
    <message>
        <source>&amp;Done date</source>
        <translation>Fecha de &amp;finalización</translation>
    </message>
    <message>
        <source>Done date</source>
        <translation>Fecha de finalización</translation>
    </message>
    <message>
        <source>Note on the step</source>
        <translation>Nota sobre el paso</translation>
    </message>
    <message>
        <source>What you did, what is next, who can help</source>
        <translation>Qué hizo, qué sigue y quién puede ayudarlo/la</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Timeline of your path</source>
        <translation>Cronograma de su camino</translation>
    </message>
    <message>
        <source>Steps, timeline and the selected step</source>
        <translation>Pasos, cronograma y el paso seleccionado</translation>
    </message>
    <message>
        <source>Scroll the page</source>
        <translation>Desplazar la página</translation>
    </message>
    <message>
        <source>Scroll the page sideways</source>
        <translation>Desplazar la página hacia los lados</translation>
    </message>
    <message>
        <source>No steps ahead.</source>
        <translation>No hay pasos por delante.</translation>
    </message>
    <message>
        <source>The latest target or done date of the steps on your path; steps without a target date are counted at their typical duration, one after another from today.</source>
        <translation>La fecha objetivo o de finalización más tardía de los pasos de su camino; los pasos sin fecha objetivo se cuentan con su duración típica, uno tras otro a partir de hoy.</translation>
    </message>
    <message>
        <source>No steps ahead: your target stage is not above your current one.</source>
        <translation>No hay pasos por delante: su etapa objetivo no está por encima de la actual.</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Lista de verificación</translation>
    </message>
    <message>
        <source>Steps on your path</source>
        <translation>Los pasos de su camino</translation>
    </message>
    <message>
        <source>This step has no checklist.</source>
        <translation>Este paso no tiene lista de verificación.</translation>
    </message>
    <message>
        <source>The selected step</source>
        <translation>El paso seleccionado</translation>
    </message>
    <message>
        <source>Every step is done.</source>
        <translation>Todos los pasos están completados.</translation>
    </message>
    <message>
        <source>Projected finish: %1</source>
        <translation>Finalización prevista: %1</translation>
    </message>
    <message>
        <source>No target dates yet. “Propose target dates” fills them in from each step&apos;s typical duration; you can change any of them afterwards.</source>
        <translation>Todavía no hay fechas objetivo. «Proponer fechas objetivo» las completa según la duración típica de cada paso; después puede cambiar cualquiera de ellas.</translation>
    </message>
    <message>
        <source>Every unfinished step already has a target date.</source>
        <translation>Todos los pasos sin completar ya tienen fecha objetivo.</translation>
    </message>
    <message>
        <source>Target dates proposed for steps: %1. Undo with Ctrl+Z.</source>
        <translation>Fechas objetivo propuestas para los pasos: %1. Se deshace con Ctrl+Z.</translation>
    </message>
    <message>
        <source>Your target stage, %1, is not above your current stage, %2. Choose a higher target stage in Edit ▸ Preferences to see the steps ahead.</source>
        <translation>Su etapa objetivo, %1, no está por encima de su etapa actual, %2. Elija una etapa objetivo más alta en Editar ▸ Preferencias para ver los pasos por delante.</translation>
    </message>
    <message>
        <source>Your path: %1 → %2, %3 steps.</source>
        <translation>Su camino: %1 → %2, %3 pasos.</translation>
    </message>
    <message>
        <source>The %1 steps that led to your current stage are behind you and left out.</source>
        <translation>Los %1 pasos que lo/la llevaron a su etapa actual ya quedaron atrás y no se muestran.</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Paso %1 de %2: %3</translation>
    </message>
    <message>
        <source>Typical duration: %1</source>
        <translation>Duración típica: %1</translation>
    </message>
    <message>
        <source>Skills it builds: %1</source>
        <translation>Habilidades que desarrolla: %1</translation>
    </message>
    <message>
        <source>Organizations to look up: %1</source>
        <translation>Organizaciones para consultar: %1</translation>
    </message>
    <message>
        <source>Overdue: the target date, %1, has passed. Mark the step done or set a new target date.</source>
        <translation>Con retraso: la fecha objetivo, %1, ya pasó. Marque el paso como completado o fije una nueva fecha objetivo.</translation>
    </message>
    <message>
        <source>No steps ahead</source>
        <translation>No hay pasos por delante</translation>
    </message>
    <message>
        <source>Checklist (%1 of %2 done)</source>
        <translation>Lista de verificación (%1 de %2 completados)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>con retraso</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>no dates yet</source>
        <translation>todavía sin fechas</translation>
    </message>
    <message>
        <source>No dates yet — give a step a start or target date to see it on the timeline.</source>
        <translation>Todavía no hay fechas: asigne a un paso una fecha de inicio u objetivo para verlo en el cronograma.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Completado</translation>
    </message>
</context>
<context>
    <name>StepsTableModel</name>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Verificación</translation>
    </message>
    <message>
        <source>Overdue: the target date has passed and the step is not done yet.</source>
        <translation>Con retraso: pasó la fecha objetivo y el paso aún no está completado.</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>con retraso</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>TeamHeatmapModel</name>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Last assessed</source>
        <translation>Última evaluación</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>self-assessed %1</source>
        <translation>autoevaluación %1</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>sin evaluar</translation>
    </message>
    <message>
        <source>reviewer %1</source>
        <translation>revisión %1</translation>
    </message>
    <message>
        <source>From %1, exported %2; self-assessed %3</source>
        <translation>De %1, exportado el %2; autoevaluación del %3</translation>
    </message>
    <message>
        <source>reviewed by %1 on %2</source>
        <translation>revisado por %1 el %2</translation>
    </message>
</context>
<context>
    <name>TeamWindow</name>
    <message>
        <source>Team view — CarePath</source>
        <translation>Vista de equipo — CarePath</translation>
    </message>
    <message>
        <source>&amp;Choose folder…</source>
        <translation>&amp;Elegir carpeta…</translation>
    </message>
    <message>
        <source>No folder chosen yet.</source>
        <translation>Todavía no se eligió ninguna carpeta.</translation>
    </message>
    <message>
        <source>Compare with the targets of this stage</source>
        <translation>Comparar con los objetivos de esta etapa</translation>
    </message>
    <message>
        <source>Compare with &amp;stage:</source>
        <translation>Comparar con la &amp;etapa:</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>E&amp;xportar informe…</translation>
    </message>
    <message>
        <source>Reading the folder</source>
        <translation>Leyendo la carpeta</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Team median against the target</source>
        <translation>Mediana del equipo frente al objetivo</translation>
    </message>
    <message>
        <source>Team radar</source>
        <translation>Radar del equipo</translation>
    </message>
    <message>
        <source>Coverage per skill</source>
        <translation>Cobertura por habilidad</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>Widest gaps</source>
        <translation>Mayores brechas</translation>
    </message>
    <message>
        <source>Reassessment overdue</source>
        <translation>Reevaluación atrasada</translation>
    </message>
    <message>
        <source>Skipped files</source>
        <translation>Archivos omitidos</translation>
    </message>
    <message>
        <source>One row per person, one numbered column per skill (hover a number for its name). Each cell shows the latest self-assessed level, 1 Novice to 5 Expert, then the latest reviewer&apos;s level after a slash where there is one; a dash is not rated. Darker is higher. Click a heading to sort; press Enter or double-click a row to open that person&apos;s overview, read-only.</source>
        <translation>Una fila por persona y una columna numerada por habilidad (pase el puntero sobre un número para ver su nombre). Cada celda muestra el último nivel autoevaluado, de 1 Principiante a 5 Experto y, después de una barra, el último nivel de quien revisó, si lo hay; un guion significa sin evaluar. Más oscuro es más alto. Haga clic en un encabezado para ordenar; pulse Intro o haga doble clic en una fila para abrir el resumen de esa persona en modo de solo lectura.</translation>
    </message>
    <message>
        <source>Show as &amp;table (no colours)</source>
        <translation>Ver como &amp;tabla (sin colores)</translation>
    </message>
    <message>
        <source>&amp;Open overview</source>
        <translation>&amp;Abrir resumen</translation>
    </message>
    <message>
        <source>Skills by person</source>
        <translation>Habilidades por persona</translation>
    </message>
    <message>
        <source>Choose the folder that holds the shared files</source>
        <translation>Elija la carpeta que contiene los archivos compartidos</translation>
    </message>
    <message>
        <source>Reading the files…</source>
        <translation>Leyendo los archivos…</translation>
    </message>
    <message>
        <source>Reading cancelled; nothing was kept.</source>
        <translation>Lectura cancelada; no se conservó nada.</translation>
    </message>
    <message>
        <source>The folder cannot be read (%1); choose another folder.</source>
        <translation>No se puede leer la carpeta (%1); elija otra carpeta.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Why it was skipped</source>
        <translation>Por qué se omitió</translation>
    </message>
    <message>
        <source>Files in the folder that could not be used, and why: %1.</source>
        <translation>Archivos de la carpeta que no se pudieron usar, y por qué: %1.</translation>
    </message>
    <message>
        <source>%1 people from %2, read %3; %4 files skipped (see Skipped files).</source>
        <translation>%1 personas de %2, leídas el %3; %4 archivos omitidos (vea Archivos omitidos).</translation>
    </message>
    <message>
        <source>damaged (%1)</source>
        <translation>dañado (%1)</translation>
    </message>
    <message>
        <source>not a CarePath backup or share</source>
        <translation>no es una copia de seguridad ni un archivo compartido de CarePath</translation>
    </message>
    <message>
        <source>made by a newer CarePath; update CarePath to read it</source>
        <translation>creado por una versión más reciente de CarePath; actualice CarePath para leerlo</translation>
    </message>
    <message>
        <source>larger than the import size limit</source>
        <translation>supera el tamaño máximo de importación</translation>
    </message>
    <message>
        <source>the same person as %1, which was exported later</source>
        <translation>la misma persona que %1, que se exportó después</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>no se puede leer (%1)</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>nadie</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>y %1 más</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>Habilidad</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>At or above</source>
        <translation>En el objetivo o por encima</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quiénes</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>How many people meet the target of %1 on each skill, and who.</source>
        <translation>Cuántas personas alcanzan el objetivo de %1 en cada habilidad, y quiénes.</translation>
    </message>
    <message>
        <source>Team median</source>
        <translation>Mediana del equipo</translation>
    </message>
    <message>
        <source>Below target</source>
        <translation>Por debajo del objetivo</translation>
    </message>
    <message>
        <source>The skills where the team falls furthest short of the targets of %1: the median&apos;s shortfall first, then how many people are below them.</source>
        <translation>Las habilidades en las que el equipo queda más lejos de los objetivos de %1: primero la distancia de la mediana y luego cuántas personas están por debajo.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Last self-assessment</source>
        <translation>Última autoevaluación</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha prevista</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Días de retraso</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>%1 people have not reassessed within their own interval.</source>
        <translation>%1 personas no se han reevaluado dentro de su propio intervalo.</translation>
    </message>
    <message>
        <source>The team&apos;s median level on each skill against the targets of %1: the median meets the target on %2 of %3 rated skills. Show as table gives the numbers.</source>
        <translation>El nivel mediano del equipo en cada habilidad frente a los objetivos de %1: la mediana alcanza el objetivo en %2 de %3 habilidades evaluadas. Ver como tabla muestra las cifras.</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Objetivo: %1</translation>
    </message>
    <message>
        <source>Not rated yet</source>
        <translation>Sin evaluar</translation>
    </message>
    <message>
        <source>Nothing rated yet</source>
        <translation>Nada evaluado todavía</translation>
    </message>
    <message>
        <source>Overview not available</source>
        <translation>Resumen no disponible</translation>
    </message>
    <message>
        <source>Export team report</source>
        <translation>Exportar informe del equipo</translation>
    </message>
    <message>
        <source>Report not written</source>
        <translation>No se escribió el informe</translation>
    </message>
    <message>
        <source>CarePath never writes into the team folder; choose another folder for the report.</source>
        <translation>CarePath nunca escribe en la carpeta del equipo; elija otra carpeta para el informe.</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Escribiendo el informe…</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>Se escribió %1.</translation>
    </message>
    <message>
        <source>The team report could not be written (%1); try another folder.</source>
        <translation>No se pudo escribir el informe del equipo (%1); pruebe con otra carpeta.</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Save goal</source>
        <translation>Guardar meta</translation>
    </message>
    <message>
        <source>Add suggested goals</source>
        <translation>Agregar las metas sugeridas</translation>
    </message>
    <message>
        <source>Delete goal</source>
        <translation>Eliminar meta</translation>
    </message>
    <message>
        <source>Save assessment</source>
        <translation>Guardar evaluación</translation>
    </message>
    <message>
        <source>Delete assessment</source>
        <translation>Eliminar evaluación</translation>
    </message>
    <message>
        <source>Update step</source>
        <translation>Actualizar paso</translation>
    </message>
    <message>
        <source>Update steps</source>
        <translation>Actualizar pasos</translation>
    </message>
    <message>
        <source>Change profile</source>
        <translation>Cambiar perfil</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to CarePath</source>
        <translation>Le damos la bienvenida a CarePath</translation>
    </message>
    <message>
        <source>Rate yourself on the fifteen skills of a care coordinator, see the gap to the career stage you are aiming for, and plan how to close it. Everything stays on this computer.</source>
        <translation>Evalúese en las quince habilidades de un coordinador de atención, vea la brecha que lo separa de la etapa profesional a la que aspira y planifique cómo cerrarla. Todo se queda en esta computadora.</translation>
    </message>
    <message>
        <source>Optional; shown on your plan</source>
        <translation>Opcional; aparece en su plan</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Your current stage</source>
        <translation>Su etapa actual</translation>
    </message>
    <message>
        <source>Your target stage</source>
        <translation>Su etapa objetivo</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Days between self-assessments</source>
        <translation>Días entre autoevaluaciones</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Su &amp;nombre:</translation>
    </message>
    <message>
        <source>&amp;Current stage:</source>
        <translation>Etapa ac&amp;tual:</translation>
    </message>
    <message>
        <source>&amp;Target stage:</source>
        <translation>Etapa &amp;objetivo:</translation>
    </message>
    <message>
        <source>&amp;Reassess every:</source>
        <translation>&amp;Reevaluar cada:</translation>
    </message>
    <message>
        <source>&amp;Start my first assessment</source>
        <translation>&amp;Comenzar mi primera evaluación</translation>
    </message>
    <message>
        <source>Save and start my first assessment</source>
        <translation>Guardar y comenzar mi primera evaluación</translation>
    </message>
    <message>
        <source>Try with sa&amp;mple data</source>
        <translation>Probar con datos de e&amp;jemplo</translation>
    </message>
    <message>
        <source>Try CarePath with sample data</source>
        <translation>Probar CarePath con datos de ejemplo</translation>
    </message>
    <message>
        <source>Opens a year of made-up history in a separate file; your record is untouched</source>
        <translation>Abre un año de historial inventado en un archivo aparte; sus datos no se tocan</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Import backup</source>
        <translation>Importar copia de seguridad</translation>
    </message>
    <message>
        <source>Backup not imported</source>
        <translation>No se importó la copia de seguridad</translation>
    </message>
    <message>
        <source>Nothing new: everything in this backup is already in your record.</source>
        <translation>Nada nuevo: todo lo que contiene esta copia de seguridad ya está en sus datos.</translation>
    </message>
    <message>
        <source>Added %1 assessments and %2 goals; updated %3 steps.</source>
        <translation>Se agregaron %1 evaluaciones y %2 metas; se actualizaron %3 pasos.</translation>
    </message>
    <message>
        <source>Backup imported</source>
        <translation>Copia de seguridad importada</translation>
    </message>
    <message>
        <source>Export backup</source>
        <translation>Exportar copia de seguridad</translation>
    </message>
    <message>
        <source>Backup not exported</source>
        <translation>No se exportó la copia de seguridad</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>Copia de seguridad guardada en %1</translation>
    </message>
    <message>
        <source>No automatic backups</source>
        <translation>No hay copias automáticas</translation>
    </message>
    <message>
        <source>There are no automatic backups of this data file yet.</source>
        <translation>Todavía no hay copias de seguridad automáticas de este archivo de datos.</translation>
    </message>
    <message>
        <source>Restore automatic backup</source>
        <translation>Restaurar copia de seguridad automática</translation>
    </message>
    <message>
        <source>Backups, newest first. Your current record is kept as a backup too.</source>
        <translation>Copias de seguridad, de la más reciente a la más antigua. Sus datos actuales también se conservan como copia.</translation>
    </message>
    <message>
        <source>Backup not restored</source>
        <translation>No se restauró la copia de seguridad</translation>
    </message>
    <message>
        <source>Backup restored.</source>
        <translation>Copia de seguridad restaurada.</translation>
    </message>
    <message>
        <source>Backups (*.json)</source>
        <translation>Copias de seguridad (*.json)</translation>
    </message>
    <message>
        <source>Sample data not available</source>
        <translation>Los datos de ejemplo no están disponibles</translation>
    </message>
</context>
</TS>
