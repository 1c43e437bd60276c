// placeholder replaced by the Electron host work in this same change
