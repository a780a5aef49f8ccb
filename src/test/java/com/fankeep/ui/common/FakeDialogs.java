package com.fankeep.ui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Dialogs answered by the test: what was asked is recorded, the answers are set beforehand (shared by the ui tests). */
public final class FakeDialogs implements Dialogs {

    public record Confirmation(String title, String message, String actionText, String keepText) {
    }

    public final List<Confirmation> confirmations = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public boolean confirmAnswer = true;
    public List<Path> filesToOpen = List.of();
    public Path fileToSave;
    public String saveSuggestion;
    public Path folderToChoose;

    @Override
    public CompletionStage<Void> showError(String title, String message, String details) {
        errors.add(message);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Boolean> confirm(String title, String message, String actionText, String keepText) {
        confirmations.add(new Confirmation(title, message, actionText, keepText));
        return CompletableFuture.completedFuture(confirmAnswer);
    }

    @Override
    public List<Path> chooseFilesToOpen(String title, List<FileType> types) {
        return filesToOpen;
    }

    @Override
    public Path chooseFileToSave(String title, String suggestedName, FileType type) {
        saveSuggestion = suggestedName;
        return fileToSave;
    }

    @Override
    public Path chooseFolder(String title, Path initial) {
        return folderToChoose;
    }
}
